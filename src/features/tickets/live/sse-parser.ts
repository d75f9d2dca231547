/**
 * An incremental Server-Sent Events parser (the WHATWG rules the server's stream needs): lines end
 * in LF, CRLF or CR; a blank line dispatches; `:` lines are comments (the heartbeat); `id:` is
 * remembered even across messages without one; a chunk may split a line anywhere.
 */
export type SseMessage = { id: string | null; event: string; data: string }

export type SseParser = { push(chunk: string): SseMessage[]; readonly lastEventId: string | null }

export function createSseParser(): SseParser {
  let buffer = ''
  let lastEventId: string | null = null
  let event = ''
  let data: string[] = []
  let pendingCr = false

  const field = (line: string, out: SseMessage[]) => {
    if (line === '') {
      if (data.length > 0 || event !== '') {
        out.push({ id: lastEventId, event: event || 'message', data: data.join('\n') })
      }
      event = ''
      data = []
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const name = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (name === 'event') event = value
    else if (name === 'data') data.push(value)
    else if (name === 'id' && !value.includes('\0')) lastEventId = value
  }

  return {
    push(chunk) {
      const out: SseMessage[] = []
      let text = chunk
      // A CRLF split across two chunks: the LF belongs to the CR already handled.
      if (pendingCr && text.startsWith('\n')) text = text.slice(1)
      pendingCr = false
      buffer += text
      for (;;) {
        const end = buffer.search(/\r\n|\r|\n/)
        if (end === -1) break
        const isCr = buffer[end] === '\r'
        const isCrLf = isCr && buffer[end + 1] === '\n'
        if (isCr && end + 1 === buffer.length) pendingCr = true
        field(buffer.slice(0, end), out)
        buffer = buffer.slice(end + (isCrLf ? 2 : 1))
      }
      return out
    },
    get lastEventId() {
      return lastEventId
    },
  }
}
