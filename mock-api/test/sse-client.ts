// Reads a Server-Sent Events response over a real socket (inject does not stream), parsed into
// blocks the way EventSource would see them.
import type { ClientRequest, IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { get as httpGet } from 'node:http'

export type SseBlock = {
  id?: string
  event?: string
  data?: string
  retry?: string
  comments: string[]
}

export type SseClient = {
  status: number
  headers: IncomingHttpHeaders
  /** Every block so far. */
  blocks: SseBlock[]
  /** `event: ticket` blocks so far, with their data parsed. */
  changes(): { id: number; data: Record<string, unknown> }[]
  /** Resolves once `test` holds for the blocks so far; rejects after `timeoutMs`. */
  until(test: (blocks: SseBlock[]) => boolean, timeoutMs?: number): Promise<void>
  /** Resolves when the server ends the response. */
  ended: Promise<void>
  close(): void
}

function parseBlock(text: string): SseBlock {
  const block: SseBlock = { comments: [] }
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) {
      block.comments.push(line.slice(1).trim())
      continue
    }
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'id' || field === 'event' || field === 'retry') block[field] = value
    if (field === 'data') block.data = block.data === undefined ? value : `${block.data}\n${value}`
  }
  return block
}

type Opened = { res: IncomingMessage; request: ClientRequest }

/** GET over its own connection (no agent), so closing it closes the socket and nothing lingers. */
const get = (url: string, headers: Record<string, string>) =>
  new Promise<Opened>((resolve, reject) => {
    const request = httpGet(url, { headers, agent: false }, (res) => resolve({ res, request }))
    request.on('error', reject)
  })

export async function openSse(url: string, headers: Record<string, string> = {}) {
  const { res, request } = await get(url, headers)
  const status = res.statusCode ?? 0
  const blocks: SseBlock[] = []
  const waiters = new Set<() => void>()
  let buffered = ''
  res.setEncoding('utf8')
  res.on('data', (chunk: string) => {
    buffered += chunk
    let end: number
    while ((end = buffered.indexOf('\n\n')) !== -1) {
      blocks.push(parseBlock(buffered.slice(0, end)))
      buffered = buffered.slice(end + 2)
    }
    waiters.forEach((check) => check())
  })
  const ended = new Promise<void>((resolve) => res.once('close', resolve))
  const problem = status === 200 ? null : await ended.then(() => buffered)

  const client: SseClient = {
    status,
    headers: res.headers,
    blocks,
    changes: () =>
      blocks
        .filter((block) => block.event === 'ticket')
        .map((block) => ({
          id: Number(block.id),
          data: JSON.parse(block.data ?? 'null') as Record<string, unknown>,
        })),
    until: (test, timeoutMs = 2_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!test(blocks)) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`timed out; blocks so far: ${JSON.stringify(blocks)}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      }),
    ended,
    close: () => request.destroy(),
  }
  return Object.assign(client, { problem })
}

export const isReady = (blocks: SseBlock[]) => blocks.some((block) => block.event === 'ready')
