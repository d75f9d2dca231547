/**
 * Stores one uploaded photo on a ticket, idempotently per attachment id: recognised by content,
 * cleaned and thumbnailed (files/), written by content address, then recorded in one transaction.
 * Every refusal comes before any file is written; the transaction re-checks under a lock what a
 * concurrent upload could have changed. The caller decides who may upload to the ticket at all.
 */
import type { Kysely } from 'kysely'
import type { Clock } from '../deps/clock.js'
import type { Role } from '../contract.js'
import { TERMINAL_STATUSES } from '../contract.js'
import { UnreadableImageError, cleanImage } from '../files/clean-image.js'
import type { FileStore } from '../files/file-store.js'
import { createFileStore, sha256Hex } from '../files/file-store.js'
import { sniffImage } from '../files/sniff.js'
import type { AttachmentRow, TicketForAttachments } from '../storage/attachments.js'
import {
  countAttachments,
  findAttachment,
  findTicketForAttachments,
  insertAttachment,
} from '../storage/attachments.js'
import type { Database, DbHandle } from '../storage/database.js'
import { isUniqueViolation } from '../storage/unique-violation.js'
import {
  MAX_ATTACHMENTS,
  attachmentConflict,
  ticketClosed,
  tooManyAttachments,
  unreadableImage,
  unsupportedFile,
} from './attachment-problems.js'
import { Refused } from './refused.js'

export type AttachmentDeps = { db: DbHandle; clock: Clock; config: { dataDir: string } }

export type AttachmentUpload = {
  ticketId: string
  /** The client's id for the attachment (idempotency). */
  attachmentId: string
  /** The file as uploaded. */
  bytes: Buffer
  uploadedBy: Role
}

/** `isReplay`: the same upload was stored before, and this is that attachment. */
export type StoredAttachment = { row: AttachmentRow; isReplay: boolean }

export const fileStoreOf = (deps: Pick<AttachmentDeps, 'config'>): FileStore =>
  createFileStore(deps.config.dataDir)

export async function storeAttachment(
  deps: AttachmentDeps,
  upload: AttachmentUpload,
): Promise<StoredAttachment> {
  const db = deps.db.db
  const sourceSha256 = sha256Hex(upload.bytes)
  const earlier = await findAttachment(db, upload.attachmentId)
  if (earlier) return replay(earlier, upload, sourceSha256)
  await refuseUnlessAccepting(await findTicketForAttachments(db, upload.ticketId), upload, db)

  const { cleaned, sha256, thumbnailSha256 } = await cleanAndWrite(deps, upload.bytes)

  try {
    return await db.transaction().execute(async (trx) => {
      const concurrent = await findAttachment(trx, upload.attachmentId)
      if (concurrent) return replay(concurrent, upload, sourceSha256)
      const ticket = await findTicketForAttachments(trx, upload.ticketId, { lock: true })
      await refuseUnlessAccepting(ticket, upload, trx)
      const row = await insertAttachment(trx, {
        id: upload.attachmentId,
        ticket_id: upload.ticketId,
        sha256,
        mime: cleaned.mime,
        size: cleaned.bytes.byteLength,
        width: cleaned.width,
        height: cleaned.height,
        thumbnail_sha256: thumbnailSha256,
        thumbnail_mime: cleaned.thumbnail.mime,
        source_sha256: sourceSha256,
        uploaded_by: upload.uploadedBy,
        created_at: deps.clock.now().toISOString(),
      })
      return { row, isReplay: false }
    })
  } catch (error) {
    // Two first uploads of one id at once: the loser's insert breaks the primary key.
    const winner = isUniqueViolation(error) && (await findAttachment(db, upload.attachmentId))
    if (winner) return replay(winner, upload, sourceSha256)
    throw error
  }
}

/** Recognises, cleans and writes the photo and its thumbnail: 415 or 422 before any write. */
async function cleanAndWrite(deps: AttachmentDeps, bytes: Buffer) {
  const format = sniffImage(bytes)
  if (format === null) throw unsupportedFile()
  const cleaned = await cleanImage(bytes, format).catch((error: unknown) => {
    throw error instanceof UnreadableImageError ? unreadableImage() : error
  })
  const files = fileStoreOf(deps)
  const sha256 = await files.put(cleaned.bytes)
  const thumbnailSha256 = await files.put(cleaned.thumbnail.bytes)
  return { cleaned, sha256, thumbnailSha256 }
}

function replay(
  row: AttachmentRow,
  upload: AttachmentUpload,
  sourceSha256: string,
): StoredAttachment {
  const isSameUpload =
    row.ticket_id === upload.ticketId &&
    row.uploaded_by === upload.uploadedBy &&
    (row.source_sha256 ?? row.sha256) === sourceSha256
  if (!isSameUpload) throw attachmentConflict()
  return { row, isReplay: true }
}

async function refuseUnlessAccepting(
  ticket: TicketForAttachments | undefined,
  upload: AttachmentUpload,
  db: Kysely<Database>,
): Promise<void> {
  if (!ticket) throw new Refused('not_found')
  if (TERMINAL_STATUSES.includes(ticket.status)) throw ticketClosed()
  const count = await countAttachments(db, upload.ticketId, upload.uploadedBy)
  if (count >= MAX_ATTACHMENTS) throw tooManyAttachments()
}
