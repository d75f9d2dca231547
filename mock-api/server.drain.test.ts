// SIGTERM on the real server process while requests are in flight: readiness turns to 503 first,
// then the server stops accepting, every request already begun completes (and is stored), and a
// live stream ends with a reconnect hint instead of a reset.
import type { IncomingMessage } from 'node:http'
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { RunningServer } from './test/processes.js'
import { startServer } from './test/processes.js'
import { reportBody } from './test/owner-fixtures.js'
import { isReady, openSse } from './test/sse-client.js'

let server: RunningServer | undefined
const folders: string[] = []
afterEach(async () => {
  await server?.stop('SIGKILL')
  server = undefined
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
})

type Pending = { finish(): Promise<{ status: number; body: string }> }

/** A POST whose headers and first half are sent now, and the rest on `finish()`. */
function halfSentPost(url: string, headers: Record<string, string>, body: string): Pending {
  const bytes = Buffer.from(body)
  const half = Math.floor(bytes.length / 2)
  const req = request(url, {
    method: 'POST',
    agent: false,
    headers: { ...headers, 'content-type': 'application/json', 'content-length': bytes.length },
  })
  const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res: IncomingMessage) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
  })
  req.write(bytes.subarray(0, half))
  req.flushHeaders()
  return {
    finish: () => {
      req.end(bytes.subarray(half))
      return answered
    },
  }
}

const isRefused = async (url: string) => {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2_000) })
    return false
  } catch (error) {
    return /ECONNREFUSED/.test(String((error as { cause?: unknown }).cause ?? error))
  }
}

// Two real server processes start here (each through tsx): about 18 s on an idle CI machine, so
// the test has its own, longer limit than the suite's 20 s.
describe('the server process on SIGTERM', () => {
  it('says not ready, stops accepting, completes the requests in flight and ends streams with a reconnect hint', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guishang-drain-'))
    folders.push(dataDir)
    const env = { DATA_DIR: dataDir, RATE_LIMITS: 'off', DRAIN_DELAY_MS: '1500' }
    server = await startServer(env)
    const { url } = server
    const device = (await (await fetch(`${url}/api/devices`, { method: 'POST' })).json()) as {
      credential: string
    }
    const owner = { authorization: `Bearer ${device.credential}` }
    const stream = await openSse(`${url}/api/events`, owner)
    await stream.until(isReady)
    const reports = [reportBody(), reportBody(), reportBody()]
    const inFlight = reports.map((body) =>
      halfSentPost(`${url}/api/reports`, owner, JSON.stringify(body)),
    )

    server.child.kill('SIGTERM')
    await expect.poll(async () => (await fetch(`${url}/api/ready`)).status).toBe(503)
    await expect.poll(() => isRefused(`${url}/api/health`), { timeout: 10_000 }).toBe(true)

    const answers = await Promise.all(inFlight.map((pending) => pending.finish()))
    expect(answers.map((answer) => answer.status)).toEqual([201, 201, 201])
    await stream.ended
    expect(stream.blocks.at(-1)).toMatchObject({ event: 'reconnect' })
    expect(Number(stream.blocks.at(-1)?.retry)).toBeGreaterThan(0)
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null })

    // What was acknowledged is stored.
    server = await startServer(env)
    const list = await fetch(`${server.url}/api/tickets`, { headers: owner })
    const { tickets } = (await list.json()) as { tickets: { id: string }[] }
    expect(tickets.map((ticket) => ticket.id).sort()).toEqual(reports.map((r) => r.id).sort())
  }, 90_000)
})
