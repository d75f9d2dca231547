import { describe, expect, it, vi } from 'vitest'
import source from '../../public/sw-push.js?raw'

// The worker script (public/sw-push.js) is a classic script the service worker imports; it runs
// here as the worker runs it, with a fake `self` whose registration records what it shows.

const ORIGIN = 'https://guishang.example'

type PushEvent = { data: { json(): unknown } | null; waitUntil(p: unknown): void }

function worker() {
  const listeners = new Map<string, (event: PushEvent) => void>()
  const showNotification = vi.fn(() => Promise.resolve())
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    registration: { scope: `${ORIGIN}/`, showNotification },
    addEventListener: (type: string, listener: (event: PushEvent) => void) =>
      listeners.set(type, listener),
  }
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a classic worker script is run from its text, as importScripts runs it
  const run = new Function('self', source) as (self: unknown) => void
  run(self)

  async function push(data: PushEvent['data']) {
    let work: unknown = undefined
    listeners.get('push')?.({ data, waitUntil: (promise) => (work = promise) })
    await work
    return { isWaiting: work !== undefined }
  }
  return { push, showNotification }
}

const json = (value: unknown) => ({ json: () => value })

describe('the service worker push handler', () => {
  it('shows the message as a notification that opens its ticket, one per ticket', async () => {
    const { push, showNotification } = worker()
    const result = await push(
      json({
        ticketId: 't-1',
        number: 'GX2602130001',
        status: 'not_accepted',
        title: '工单GX2602130001',
        body: '您反映的问题不予受理，依据：属于民事纠纷。',
        url: `${ORIGIN}/tickets/t-1`,
      }),
    )
    expect(result.isWaiting).toBe(true)
    expect(showNotification).toHaveBeenCalledWith('工单GX2602130001', {
      body: '您反映的问题不予受理，依据：属于民事纠纷。',
      tag: 'ticket-t-1',
      data: { url: `${ORIGIN}/tickets/t-1` },
      icon: `${ORIGIN}/icon-192.png`,
    })
  })

  it('never links elsewhere: a foreign URL opens the ticket list instead', async () => {
    const { push, showNotification } = worker()
    await push(json({ ticketId: 't-2', title: 'x', body: 'y', url: 'https://evil.example/' }))
    expect(showNotification).toHaveBeenCalledWith(
      'x',
      expect.objectContaining({ data: { url: `${ORIGIN}/tickets` } }),
    )
  })

  it('still shows a plain notification for a message it cannot read', async () => {
    const { push, showNotification } = worker()
    await push({
      json: () => {
        throw new SyntaxError('not JSON')
      },
    })
    await push(null)
    expect(showNotification).toHaveBeenCalledTimes(2)
    expect(showNotification).toHaveBeenLastCalledWith(
      '桂商码',
      expect.objectContaining({ body: '您反映的问题有新进展，请打开查看。', tag: 'guishang' }),
    )
  })
})
