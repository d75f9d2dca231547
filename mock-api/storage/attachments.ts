// Attachment rows: the metadata of files kept by content address under DATA_DIR (files/).
import type { Insertable, Kysely, Selectable } from 'kysely'
import { PostgresAdapter } from 'kysely'
import type { Role, TicketStatus } from '../contract.js'
import type { Database } from './database.js'
import type { AttachmentTable } from './tables-tickets.js'

type Db = Kysely<Database>

export type AttachmentRow = Selectable<AttachmentTable>
export type NewAttachment = Insertable<AttachmentTable>

export function findAttachment(db: Db, id: string): Promise<AttachmentRow | undefined> {
  return db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst()
}

/** A ticket's attachments, oldest first. */
export function listAttachments(db: Db, ticketId: string): Promise<AttachmentRow[]> {
  return db
    .selectFrom('attachments')
    .selectAll()
    .where('ticket_id', '=', ticketId)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

export async function countAttachments(
  db: Db,
  ticketId: string,
  uploadedBy: Role,
): Promise<number> {
  const row = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('ticket_id', '=', ticketId)
    .where('uploaded_by', '=', uploadedBy)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}

export async function insertAttachment(db: Db, row: NewAttachment): Promise<AttachmentRow> {
  return db.insertInto('attachments').values(row).returningAll().executeTakeFirstOrThrow()
}

export type TicketForAttachments = { id: string; owner_id: string; status: TicketStatus }

/**
 * The ticket an attachment hangs on. Inside a transaction pass `lock`: on PostgreSQL the row is
 * locked so concurrent uploads count the ticket's attachments one after another (SQLite runs one
 * transaction at a time anyway).
 */
export async function findTicketForAttachments(
  db: Db,
  ticketId: string,
  options: { lock?: boolean } = {},
): Promise<TicketForAttachments | undefined> {
  const query = db
    .selectFrom('tickets')
    .select(['id', 'owner_id', 'status'])
    .where('id', '=', ticketId)
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter
  return (options.lock === true && isPostgres ? query.forUpdate() : query).executeTakeFirst()
}
