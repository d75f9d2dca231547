import { describe, expect, it } from 'vitest'
import { createSseParser } from './sse-parser'

describe('createSseParser', () => {
  it('reads the messages the server writes, skipping retry lines and heartbeats', () => {
    const parser = createSseParser()
    const messages = parser.push(
      'retry: 3000\n\nid: 7\nevent: ticket\ndata: {"ticketId":"a"}\n\n: ping\n\nid: 7\nevent: ready\ndata: {}\n\n',
    )
    expect(messages).toEqual([
      { id: '7', event: 'ticket', data: '{"ticketId":"a"}' },
      { id: '7', event: 'ready', data: '{}' },
    ])
    expect(parser.lastEventId).toBe('7')
  })

  it('puts a message together from chunks split anywhere, CRLF included', () => {
    const parser = createSseParser()
    const text = 'id: 12\r\nevent: ticket\r\ndata: {"a":1}\r\n\r\n'
    const out = []
    for (const char of text) out.push(...parser.push(char))
    expect(out).toEqual([{ id: '12', event: 'ticket', data: '{"a":1}' }])
  })

  it('joins multi-line data and keeps the last id for messages that carry none', () => {
    const parser = createSseParser()
    expect(parser.push('id: 3\ndata: one\n\ndata: two\ndata: three\n\n')).toEqual([
      { id: '3', event: 'message', data: 'one' },
      { id: '3', event: 'message', data: 'two\nthree' },
    ])
  })

  it('does not dispatch a message until its blank line arrives', () => {
    const parser = createSseParser()
    expect(parser.push('id: 5\nevent: ticket\ndata: {}\n')).toEqual([])
    expect(parser.push('\n')).toHaveLength(1)
  })
})
