// Upload route tests: multipart bodies built by hand (as a phone's fetch would send them), and a
// snapshot of everything an upload could have stored, to show that a refusal stored nothing.
import { randomBytes, randomUUID } from 'node:crypto'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import type { TestStore } from './databases.js'

export type Part =
  { name: string; value: string } | { name: string; filename: string; type: string; data: Buffer }

export function multipart(parts: readonly Part[]) {
  const boundary = `----guishang${randomBytes(8).toString('hex')}`
  const chunks = parts.flatMap((part) => {
    const head =
      'data' in part
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; ` +
          `filename="${part.filename}"\r\nContent-Type: ${part.type}\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n`
    return [
      Buffer.from(head),
      'data' in part ? part.data : Buffer.from(part.value),
      Buffer.from('\r\n'),
    ]
  })
  return {
    payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

export type UploadSpec = { id?: string; file: Buffer; filename?: string; type?: string }

export function upload(
  app: FastifyInstance,
  headers: Record<string, string>,
  ticketId: string,
  spec: UploadSpec,
): Promise<LightMyRequestResponse> {
  const body = multipart([
    { name: 'id', value: spec.id ?? randomUUID() },
    {
      name: 'file',
      filename: spec.filename ?? 'photo.jpg',
      type: spec.type ?? 'image/jpeg',
      data: spec.file,
    },
  ])
  return app.inject({
    method: 'POST',
    url: `/api/tickets/${ticketId}/attachments`,
    headers: { ...headers, ...body.headers },
    payload: body.payload,
  })
}

/** Every file under DATA_DIR/files (temporary ones included), sorted. */
export function storedFiles(store: TestStore): string[] {
  const root = join(store.config.dataDir, 'files')
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
}

/** The attachment rows and stored files: equal before and after a refused upload. */
export async function storedState(store: TestStore) {
  const rows = await store.db.selectFrom('attachments').select('id').orderBy('id').execute()
  return { rows: rows.map((row) => row.id), files: storedFiles(store) }
}
