// The SHA-256 of the bytes as uploaded, before cleaning: a retried upload is recognised (same id,
// same bytes → the stored attachment) without decoding it again. Null for rows made otherwise.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('attachments').addColumn('source_sha256', 'text').execute()
}
