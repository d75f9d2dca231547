// A report answered 201 is durable: the real server (its own process, SQLite with
// synchronous=FULL) is killed with SIGKILL the instant the 201 arrives, before any graceful close,
// and restarted on the same DATA_DIR. The ticket and its history are there every time, an
// attachment answered 201 has both its row and its file, and the database passes integrity_check.
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { ticketListSchema, ticketSchema } from '../contract.js'
import { createDb } from '../storage/database.js'
import { multipart } from '../test/attachment-fixtures.js'
import { plainJpeg } from '../test/image-fixtures.js'
import { reportBody } from '../test/owner-fixtures.js'
import type { Exit, RunningServer } from '../test/processes.js'
import { startServer } from '../test/processes.js'
import { fileStoreOf } from '../workflow/store-attachment.js'

const ROUNDS = 5
const dataDir = mkdtempSync(join(tmpdir(), 'guishang-crash-'))
const start = () => startServer({ DATA_DIR: dataDir, RATE_LIMITS: 'off', LOG_LEVEL: 'warn' })

type Killed = { status: number; exit: Exit }

/** POSTs and SIGKILLs the server as soon as the status line of a 201 arrives. */
function postThenKill(
  server: RunningServer,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const sent = request(new URL(path, server.url), { method: 'POST', headers }, (res) => {
      const status = res.statusCode ?? 0
      res.on('error', () => undefined)
      res.resume()
      if (status !== 201) {
        reject(new Error(`expected 201, got ${status}`))
        return
      }
      server.stop('SIGKILL').then((exit) => resolve({ status, exit }), reject)
    })
    sent.on('error', reject)
    sent.end(body)
  })
}

const json = (credential: string) => ({
  authorization: `Bearer ${credential}`,
  'content-type': 'application/json',
})

async function get<T>(server: RunningServer, path: string, credential: string): Promise<T> {
  const res = await fetch(new URL(path, server.url), {
    headers: { authorization: `Bearer ${credential}` },
  })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}

async function integrity(): Promise<unknown[]> {
  const store = createDb({ databaseUrl: null, dataDir })
  try {
    return (await sql`pragma integrity_check`.execute(store.db)).rows
  } finally {
    await store.close()
  }
}

describe('a server killed right after answering 201', () => {
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('still has every ticket and its history after a restart', { timeout: 300_000 }, async () => {
    let server = await start()
    const registered = await fetch(new URL('/api/devices', server.url), { method: 'POST' })
    const { credential } = (await registered.json()) as { credential: string }
    const reported: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const body = reportBody({ title: `第${round + 1}次：断电前刚提交` })
      const killed = await postThenKill(
        server,
        '/api/reports',
        json(credential),
        Buffer.from(JSON.stringify(body)),
      )
      expect(killed.exit.signal).toBe('SIGKILL')
      expect(server.output()).not.toContain('Stopped cleanly')
      reported.push(body.id)
      server = await start()
      const ticket = ticketSchema.parse(await get(server, `/api/tickets/${body.id}`, credential))
      expect(ticket).toMatchObject({ id: body.id, title: body.title, status: 'submitted' })
      expect(ticket.history.map((entry) => entry.type)).toEqual(['submit'])
      const list = ticketListSchema.parse(await get(server, '/api/tickets', credential))
      expect(list.tickets.map((item) => item.id).sort()).toEqual([...reported].sort())
    }

    const ticketId = reported.at(-1) ?? ''
    const attachmentId = randomUUID()
    const form = multipart([
      { name: 'id', value: attachmentId },
      { name: 'file', filename: 'photo.jpg', type: 'image/jpeg', data: await plainJpeg() },
    ])
    const headers = { authorization: `Bearer ${credential}`, ...form.headers }
    const killed = await postThenKill(
      server,
      `/api/tickets/${ticketId}/attachments`,
      headers,
      form.payload,
    )
    expect(killed.exit.signal).toBe('SIGKILL')
    server = await start()
    const { attachments } = await get<{ attachments: { id: string; size: number; url: string }[] }>(
      server,
      `/api/tickets/${ticketId}/attachments`,
      credential,
    )
    expect(attachments.map((attachment) => attachment.id)).toEqual([attachmentId])
    const photo = await fetch(new URL(attachments[0]?.url ?? '', server.url), {
      headers: { authorization: `Bearer ${credential}` },
    })
    expect(photo.status).toBe(200)
    expect((await photo.arrayBuffer()).byteLength).toBe(attachments[0]?.size)
    expect((await server.stop('SIGTERM')).code).toBe(0)

    const store = createDb({ databaseUrl: null, dataDir })
    const rows = await store.db
      .selectFrom('attachments')
      .select(['sha256', 'thumbnail_sha256'])
      .execute()
    await store.close()
    const files = fileStoreOf({ config: { dataDir } })
    for (const row of rows) {
      expect(existsSync(files.pathOf(row.sha256))).toBe(true)
      if (row.thumbnail_sha256) expect(existsSync(files.pathOf(row.thumbnail_sha256))).toBe(true)
    }
    expect(await integrity()).toEqual([{ integrity_check: 'ok' }])
  })
})
