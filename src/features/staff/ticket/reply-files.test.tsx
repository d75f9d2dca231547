import { QueryClientProvider } from '@tanstack/react-query'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nProvider } from '@/lib/i18n-react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StaffTicket } from '../../../../mock-api/contract'
import { createI18n } from '@/lib/i18n'
import { createQueryClient } from '@/lib/query-client'
import { ReplyFiles } from './reply-files'

const TICKET_ID = '3f1c1f8e-8d7a-4a53-9a55-1d1d7f0b2a11'
const TICKET = { id: TICKET_ID, allowedEvents: ['reply'] } as unknown as StaffTicket

const photo = (name: string) =>
  new File([new Uint8Array([0xff, 0xd8, 0xff])], name, { type: 'image/jpeg' })

const stored = (id: string) =>
  new Response(
    JSON.stringify({
      id,
      ticketId: TICKET_ID,
      mime: 'image/jpeg',
      size: 3,
      width: 1,
      height: 1,
      uploadedBy: 'unit',
      createdAt: '2026-11-26T01:00:00.000Z',
      url: `/api/tickets/${TICKET_ID}/attachments/${id}`,
      thumbnailUrl: null,
    }),
    { status: 201, headers: { 'content-type': 'application/json' } },
  )

const refused = () =>
  new Response(
    JSON.stringify({
      type: 'urn:guishang:problem:not_handling',
      title: 'Reply files can be added only while the ticket is being handled.',
      status: 409,
      message: { zh: '只有办理中的工单才能添加答复附件。', en: 'Only while handled.' },
    }),
    { status: 409, headers: { 'content-type': 'application/problem+json' } },
  )

function renderFiles() {
  return render(
    <I18nProvider i18n={createI18n()}>
      <QueryClientProvider client={createQueryClient()}>
        <ReplyFiles ticket={TICKET} />
      </QueryClientProvider>
    </I18nProvider>,
  )
}

const sentIds = (fetchMock: ReturnType<typeof vi.fn<typeof fetch>>) =>
  fetchMock.mock.calls.map(([url, init]) => {
    expect(url).toBe(`/api/staff/tickets/${TICKET_ID}/attachments`)
    return (init?.body as FormData).get('id') as string
  })

describe('ReplyFiles', () => {
  const fetchMock = vi.fn<typeof fetch>()
  beforeEach(() => {
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('uploads each chosen photo once, under its own id, and says how many went up', async () => {
    fetchMock.mockImplementation((_url, init) =>
      Promise.resolve(stored((init?.body as FormData).get('id') as string)),
    )
    renderFiles()
    await userEvent.upload(screen.getByLabelText('选择照片'), [photo('a.jpg'), photo('b.jpg')])
    expect(await screen.findByText('已上传 2 张照片。')).toBeTruthy()
    const ids = sentIds(fetchMock)
    expect(ids).toHaveLength(2)
    expect(new Set(ids).size).toBe(2)
  })

  it('ignores another choice while photos are going up', async () => {
    let answer: (response: Response) => void = () => undefined
    fetchMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    renderFiles()
    const input = screen.getByLabelText('选择照片')
    await userEvent.upload(input, [photo('a.jpg')])
    expect(await screen.findByText('正在上传 1/1…')).toBeTruthy()
    input.removeAttribute('disabled')
    await userEvent.upload(input, [photo('b.jpg')])
    answer(stored('done'))
    expect(await screen.findByText('已上传 1 张照片。')).toBeTruthy()
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('shows the server’s refusal in its own words', async () => {
    fetchMock.mockResolvedValue(refused())
    renderFiles()
    await userEvent.upload(screen.getByLabelText('选择照片'), [photo('a.jpg')])
    expect((await screen.findByRole('alert')).textContent).toContain(
      '只有办理中的工单才能添加答复附件。',
    )
  })
})
