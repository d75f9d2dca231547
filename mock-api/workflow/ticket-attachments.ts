/**
 * A ticket's attachments, as use cases. The ticket's owner and staff whose scope holds the ticket
 * read them; the owner sees a unit's file only once a reply made after it was approved
 * (owner-attachments.ts); a staff member's read of a photo is audited. The owner adds photos to
 * their own ticket, a handling unit adds reply files while it handles the ticket
 * (store-attachment.ts stores both). Anyone else gets not_found, as for a missing ticket.
 */
import type { Kysely } from 'kysely'
import type { Attachment } from '../contract.js'
import {
  findAttachment,
  findTicketForAttachments,
  listAttachments,
} from '../storage/attachments.js'
import { recordAudit } from '../storage/audit.js'
import type { Database } from '../storage/database.js'
import { lastEventAt } from '../storage/tickets.js'
import { toAttachmentJson } from './attachment-json.js'
import { isOwnerVisible } from './owner-attachments.js'
import { Refused } from './refused.js'
import type { StaffMember } from './staff-scope.js'
import { findTicketInScope, requireTicketInScope } from './staff-scope.js'
import type { AttachmentDeps, AttachmentUpload, StoredAttachment } from './store-attachment.js'
import { storeAttachment } from './store-attachment.js'

type Db = Kysely<Database>

/** Who asks: the owner their device names, or a signed-in staff member. */
export type AttachmentReader =
  { kind: 'owner'; ownerId: string } | { kind: 'staff'; staff: StaffMember }

/** A stored file to send: its content address, its type and the name it is sent under. */
export type AttachmentFile = { sha256: string; mime: string; name: string }

const notFound = () => new Refused('not_found')

/** The owner's own ticket; not_found for a missing one and another owner's alike. */
export async function requireOwnersTicket(db: Db, ownerId: string, ticketId: string) {
  const ticket = await findTicketForAttachments(db, ticketId)
  if (ticket?.owner_id !== ownerId) throw notFound()
}

async function requireReadable(db: Db, reader: AttachmentReader, ticketId: string) {
  if (reader.kind === 'owner') return requireOwnersTicket(db, reader.ownerId, ticketId)
  if (!(await findTicketInScope(db, reader.staff, ticketId))) throw notFound()
}

const replyApprovedAt = (db: Db, ticketId: string) => lastEventAt(db, ticketId, 'approve_reply')

/** The ticket's attachments the reader may see, oldest first. */
export async function listTicketAttachments(
  db: Db,
  reader: AttachmentReader,
  ticketId: string,
): Promise<Attachment[]> {
  await requireReadable(db, reader, ticketId)
  const rows = await listAttachments(db, ticketId)
  if (reader.kind === 'staff') return rows.map(toAttachmentJson)
  const approvedAt = await replyApprovedAt(db, ticketId)
  return rows.filter((row) => isOwnerVisible(row, approvedAt)).map(toAttachmentJson)
}

/** The cleaned photo, or its thumbnail, of one attachment the reader may see. */
export async function openAttachmentFile(
  deps: Pick<AttachmentDeps, 'db' | 'clock'>,
  reader: AttachmentReader,
  ref: { ticketId: string; attachmentId: string; file: 'photo' | 'thumbnail' },
): Promise<AttachmentFile> {
  const { db } = deps.db
  const { ticketId, attachmentId } = ref
  await requireReadable(db, reader, ticketId)
  const row = await findAttachment(db, attachmentId)
  if (row?.ticket_id !== ticketId) throw notFound()
  if (reader.kind === 'owner' && !isOwnerVisible(row, await replyApprovedAt(db, ticketId))) {
    throw notFound()
  }
  if (ref.file === 'thumbnail') {
    if (row.thumbnail_sha256 === null || row.thumbnail_mime === null) throw notFound()
    return { sha256: row.thumbnail_sha256, mime: row.thumbnail_mime, name: `${row.id}-thumbnail` }
  }
  if (reader.kind === 'staff') {
    const entry = { staffId: reader.staff.id, ticketId, detail: { attachmentId } }
    await recordAudit(db, { ...entry, action: 'read_attachment', at: deps.clock.now() })
  }
  return { sha256: row.sha256, mime: row.mime, name: row.id }
}

/** The ticket a handling unit may add reply files to: in its scope and being handled. */
export async function requireHandledTicket(db: Db, staff: StaffMember, ticketId: string) {
  const ticket = await requireTicketInScope(db, staff, ticketId)
  if (ticket.status !== 'in_progress') throw new Refused('not_handling')
}

/** Stores a handling unit's reply file (requireHandledTicket first); a new one is audited. */
export async function addReplyAttachment(
  deps: AttachmentDeps,
  staff: StaffMember,
  upload: Omit<AttachmentUpload, 'uploadedBy'>,
): Promise<StoredAttachment> {
  const stored = await storeAttachment(deps, { ...upload, uploadedBy: 'unit' })
  if (!stored.isReplay) {
    const detail = { attachmentId: stored.row.id }
    const entry = { staffId: staff.id, ticketId: upload.ticketId, detail, at: deps.clock.now() }
    await recordAudit(deps.db.db, { ...entry, action: 'add_attachment' })
  }
  return stored
}
