import { describe, expect, it, vi } from 'vitest'
import source from '../../public/sw-notification-click.js?raw'

// The worker script (public/sw-notification-click.js) is a classic script the service worker
// imports; it runs here as the worker runs it, with a fake `self` and `clients`.

const ORIGIN = 'https://guishang.example'
const TICKET = `${ORIGIN}/tickets/t-1`

type FakeWindow = {
  url: string
  focused: boolean
  visibilityState: 'visible' | 'hidden'
  focus: () => Promise<FakeWindow>
  navigate: (url: string) => Promise<FakeWindow>
}

function page(path: string, state: Partial<FakeWindow> = {}): FakeWindow {
  const client: FakeWindow = {
    url: `${ORIGIN}${path}`,
    focused: false,
    visibilityState: 'hidden',
    focus: vi.fn(() => Promise.resolve(client)),
    navigate: vi.fn((url: string) => Promise.resolve({ ...client, url })),
    ...state,
  }
  return client
}

type ClickEvent = {
  notification: { data: unknown; close: () => void }
  waitUntil(p: unknown): void
}

function worker(windows: FakeWindow[]) {
  const listeners = new Map<string, (event: ClickEvent) => void>()
  const self = {
    location: new URL(`${ORIGIN}/sw.js`),
    registration: { scope: `${ORIGIN}/` },
    addEventListener: (type: string, listener: (event: ClickEvent) => void) =>
      listeners.set(type, listener),
  }
  const clients = {
    matchAll: vi.fn(() => Promise.resolve(windows)),
    openWindow: vi.fn((url: string) => Promise.resolve(page(new URL(url).pathname))),
  }
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- a classic worker script is run from its text, as importScripts runs it
  const run = new Function('self', 'clients', source) as (self: unknown, clients: unknown) => void
  run(self, clients)

  async function click(data: unknown) {
    let work: unknown = undefined
    const close = vi.fn()
    listeners.get('notificationclick')?.({
      notification: { data, close },
      waitUntil: (promise) => (work = promise),
    })
    await work
    return { close, isWaiting: work !== undefined }
  }
  return { click, clients }
}

describe('notificationclick (service worker)', () => {
  it('focuses the open owner page and sends it to the ticket', async () => {
    const home = page('/', { visibilityState: 'visible' })
    const { click, clients } = worker([home])
    const { close } = await click({ url: '/tickets/t-1' })
    expect(close).toHaveBeenCalled()
    expect(home.focus).toHaveBeenCalled()
    expect(home.navigate).toHaveBeenCalledWith(TICKET)
    expect(clients.openWindow).not.toHaveBeenCalled()
  })

  it('only focuses a page that already shows the ticket', async () => {
    const other = page('/drafts', { focused: true })
    const there = page('/tickets/t-1')
    const { click } = worker([other, there])
    await click({ url: '/tickets/t-1' })
    expect(there.focus).toHaveBeenCalled()
    expect(there.navigate).not.toHaveBeenCalled()
    expect(other.focus).not.toHaveBeenCalled()
  })

  it('prefers the focused page, then a visible one, over a hidden one', async () => {
    const hidden = page('/drafts')
    const visible = page('/scan', { visibilityState: 'visible' })
    const focused = page('/tickets', { focused: true, visibilityState: 'visible' })
    await worker([hidden, visible, focused]).click({ url: '/tickets/t-1' })
    expect(focused.navigate).toHaveBeenCalledWith(TICKET)

    const again = [page('/drafts'), page('/scan', { visibilityState: 'visible' })]
    await worker(again).click({ url: '/tickets/t-1' })
    expect(again[1]?.navigate).toHaveBeenCalledWith(TICKET)
    expect(again[0]?.navigate).not.toHaveBeenCalled()
  })

  it('leaves staff console pages alone and opens a window instead', async () => {
    const desk = page('/staff/queue', { focused: true, visibilityState: 'visible' })
    const { click, clients } = worker([desk])
    await click({ url: '/tickets/t-1' })
    expect(desk.focus).not.toHaveBeenCalled()
    expect(clients.openWindow).toHaveBeenCalledWith(TICKET)
  })

  it('opens a window when no page is open, or when the page cannot be navigated', async () => {
    const none = worker([])
    await none.click({ url: '/tickets/t-1' })
    expect(none.clients.openWindow).toHaveBeenCalledWith(TICKET)

    const uncontrolled = page('/', { visibilityState: 'visible' })
    uncontrolled.navigate = vi.fn(() => Promise.reject(new TypeError('not controlled')))
    const { click, clients } = worker([uncontrolled])
    await click({ url: '/tickets/t-1' })
    expect(clients.openWindow).toHaveBeenCalledWith(TICKET)
  })

  it('goes nowhere for a notification without a URL of this app', async () => {
    const home = page('/', { visibilityState: 'visible' })
    const { click, clients } = worker([home])
    for (const data of [null, {}, { url: 'https://elsewhere.example/tickets/t-1' }]) {
      const { close, isWaiting } = await click(data)
      expect(close).toHaveBeenCalled()
      expect(isWaiting).toBe(false)
    }
    expect(home.focus).not.toHaveBeenCalled()
    expect(clients.openWindow).not.toHaveBeenCalled()
  })
})
