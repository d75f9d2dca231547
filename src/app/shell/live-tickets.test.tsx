import { act, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { db } from '@/lib/db'
import { DEVICE_REGISTERED_EVENT, SETTING_DEVICE, hasStoredCredential } from '@/lib/device-probe'
import { renderRoute } from '@/test/render'
import type { TicketSummary } from '../../../mock-api/contract'
import { paths } from '../paths'

vi.mock(import('@/lib/device-probe'), async (importOriginal) => {
  const actual = await importOriginal()
  return { ...actual, hasStoredCredential: vi.fn(actual.hasStoredCredential) }
})

const TICKET_ID = '00000000-0000-4000-8000-000000000001'
const ticket = (status: TicketSummary['status']) => ({
  id: TICKET_ID,
  number: 'GX260302001',
  code: 'K7M2QA',
  status,
  category: 'help',
  title: '门店招牌审批太慢',
  createdAt: '2026-03-02T09:00:00+08:00',
  divisionCode: '450100',
  due: null,
  rating: null,
})
const change = `id: 7\nevent: ticket\ndata: ${JSON.stringify({
  ticketId: TICKET_ID,
  type: 'accept',
  status: 'accepted',
  at: '2026-03-02T10:00:00+08:00',
})}\n\n`

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } })

/** The API: my tickets, one ticket (already accepted), and a stream that sends `events`. */
function serve(tickets: object[], events: string[] = []) {
  const fetchMock = vi.fn((url: string, init?: RequestInit) => {
    if (url === '/api/tickets') return Promise.resolve(json({ tickets }))
    if (url === `/api/tickets/${TICKET_ID}`) {
      return Promise.resolve(json({ ...ticket('accepted'), history: [] }))
    }
    if (url === '/api/events') {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          events.forEach((each) => controller.enqueue(new TextEncoder().encode(each)))
          init?.signal?.addEventListener('abort', () => controller.error(new Error('aborted')))
        },
      })
      return Promise.resolve(
        new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
      )
    }
    return Promise.resolve(new Response(null, { status: 401 }))
  })
  vi.stubGlobal('fetch', fetchMock)
  return (url: string) => fetchMock.mock.calls.some(([called]) => called === url)
}

const storeCredential = () =>
  db.settings.put({ key: SETTING_DEVICE, value: { deviceId: 'd-1', credential: 'c-1' } })

async function probed() {
  await waitFor(() => expect(hasStoredCredential).toHaveBeenCalled())
  await act(() => vi.mocked(hasStoredCredential).mock.results.at(-1)?.value as Promise<boolean>)
}

describe('live tickets in the app shell', () => {
  beforeEach(async () => {
    await db.settings.clear()
    vi.mocked(hasStoredCredential).mockClear()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
  })

  it('follows the phone’s tickets on any owner screen, not only the tickets screens', async () => {
    await storeCredential()
    const isCalled = serve([ticket('submitted')])
    renderRoute('/')
    await waitFor(() => expect(isCalled('/api/events')).toBe(true))
  })

  it('opens no stream for a phone that has never reported', async () => {
    const isCalled = serve([ticket('submitted')])
    renderRoute('/')
    await probed()
    expect(isCalled('/api/tickets')).toBe(false)
    expect(isCalled('/api/events')).toBe(false)
  })

  it('opens no stream while the phone has no ticket', async () => {
    await storeCredential()
    const isCalled = serve([])
    renderRoute(paths.tickets())
    await screen.findByText('这部手机还没有发送过反映，所以还没有工单。')
    expect(isCalled('/api/tickets')).toBe(true)
    expect(isCalled('/api/events')).toBe(false)
  })

  it('starts once this page registers the phone', async () => {
    const isCalled = serve([ticket('submitted')])
    renderRoute('/')
    await probed()
    await storeCredential()
    window.dispatchEvent(new Event(DEVICE_REGISTERED_EVENT))
    await waitFor(() => expect(isCalled('/api/events')).toBe(true))
  })

  it('stays out of the staff console', async () => {
    await storeCredential()
    const isCalled = serve([ticket('submitted')])
    renderRoute('/staff')
    // The console is a lazy chunk of its own: its first load here can be slow.
    await screen.findByLabelText('用户名', {}, { timeout: 10_000 })
    expect(hasStoredCredential).not.toHaveBeenCalled()
    expect(isCalled('/api/tickets')).toBe(false)
  })

  it('updates the open list when a change arrives, without a reload', async () => {
    await storeCredential()
    let status: TicketSummary['status'] = 'submitted'
    let push = (_chunk: string) => {}
    const fetchMock = vi.fn((url: string, init?: RequestInit) => {
      if (url === '/api/tickets') return Promise.resolve(json({ tickets: [ticket(status)] }))
      if (url === `/api/tickets/${TICKET_ID}`) {
        return Promise.resolve(json({ ...ticket(status), history: [] }))
      }
      if (url !== '/api/events') return Promise.resolve(new Response(null, { status: 401 }))
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          push = (chunk) => controller.enqueue(new TextEncoder().encode(chunk))
          init?.signal?.addEventListener('abort', () => controller.error(new Error('aborted')))
        },
      })
      return Promise.resolve(
        new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
      )
    })
    vi.stubGlobal('fetch', fetchMock)
    renderRoute(paths.tickets())

    const card = () => screen.getByRole('link', { name: /门店招牌审批太慢/ })
    await waitFor(() => expect(card()).toHaveTextContent('待受理'))
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/events', expect.anything()))
    status = 'accepted'
    push(change)
    await waitFor(() => expect(card()).toHaveTextContent('已受理'))
  })

  it('stores a changed ticket for offline and notifies with its URL while hidden', async () => {
    await storeCredential()
    const showNotification = vi.fn(() => Promise.resolve())
    vi.stubGlobal('Notification', Object.assign(vi.fn(), { permission: 'granted' }))
    // jsdom has no service worker; the app asks navigator.serviceWorker for the registration.
    Object.defineProperty(navigator, 'serviceWorker', {
      configurable: true,
      value: { getRegistration: () => Promise.resolve({ active: {}, showNotification }) },
    })
    onTestFinished(() => {
      Reflect.deleteProperty(navigator, 'serviceWorker')
    })
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
    serve([ticket('submitted')], [change])
    renderRoute('/')

    await waitFor(() =>
      expect(showNotification).toHaveBeenCalledWith('工单 GX260302001：已受理', {
        body: '受理',
        tag: `ticket-${TICKET_ID}`,
        data: { url: paths.ticket(TICKET_ID) },
      }),
    )
    await waitFor(async () => {
      const row = await db.settings.get(`tickets:cache:one:${TICKET_ID}`)
      expect(row?.value).toMatchObject({ value: { status: 'accepted' } })
    })
  })
})
