import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nProvider } from '@/lib/i18n-react'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/lib/db'
import { createI18n } from '@/lib/i18n'
import { createFakeApi, type FakeApi } from './fake-api'
import { flush } from './flush'
import { enqueue } from './outbox'
import { OutboxStatus } from './outbox-status'

const report = (id: string, title = 't') => ({
  id,
  method: 'POST' as const,
  path: '/reports',
  body: { kind: 'json' as const, value: { id, title } },
  draftId: `draft-${id}`,
})

let api: FakeApi
function renderStatus() {
  return render(
    <I18nProvider i18n={createI18n()}>
      <MemoryRouter>
        <OutboxStatus
          draftsHref="/drafts"
          draftHref={(id) => `/drafts/${id}`}
          ticketHref={(id) => `/tickets/${id}`}
          ticketsHref="/tickets"
        />
      </MemoryRouter>
    </I18nProvider>,
  )
}

beforeEach(async () => {
  await Promise.all(db.tables.map((table) => table.clear()))
  api = createFakeApi()
  vi.stubGlobal('fetch', api.fetch)
})
afterEach(() => vi.unstubAllGlobals())

const rating = (id: string, ticketId: string) => ({
  id,
  method: 'POST' as const,
  path: `/tickets/${ticketId}/rating`,
  body: { kind: 'json' as const, value: { id, satisfied: true } },
})

describe('OutboxStatus', () => {
  // A rating queued offline waits on its ticket's screen, not among the drafts ("no drafts yet").
  it('leads to the ticket when only actions on one ticket wait, to the tickets list for several', async () => {
    await enqueue(rating('a1', 't1'))
    await enqueue({ ...rating('a2', 't1'), path: '/tickets/t1/materials' })
    renderStatus()
    expect(await screen.findByRole('link', { name: '2 项待发送' })).toHaveAttribute(
      'href',
      '/tickets/t1',
    )
    await enqueue(rating('a3', 't2'))
    expect(await screen.findByRole('link', { name: '3 项待发送' })).toHaveAttribute(
      'href',
      '/tickets',
    )
    await enqueue(report('r1'))
    expect(await screen.findByRole('link', { name: '4 项待发送' })).toHaveAttribute(
      'href',
      '/drafts',
    )
  })

  it('shows nothing while the outbox is empty', async () => {
    const { container } = renderStatus()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(container.textContent).toBe('')
  })

  // Issue 17: the screen where the owner tapped says "saved, sent once online"; the strip does not
  // say it again.
  it('counts the reports that wait, never says they were sent, and leaves the promise to the screen', async () => {
    await enqueue(report('r1'))
    // A photo follows its report: the owner waits for one report, not two requests.
    const photo = { ...report('p1'), after: 'r1', draftId: 'draft-r1' }
    await enqueue({ ...photo, path: '/tickets/r1/attachments' })
    await enqueue(report('r2'))
    renderStatus()
    const badge = await screen.findByRole('link', { name: '2 项待发送' })
    expect(badge).toHaveTextContent('2')
    expect(badge).toHaveAttribute('href', '/drafts')
    expect(screen.getByRole('status')).toHaveTextContent('2待发送')
    expect(screen.getByRole('status')).not.toHaveTextContent(/联网后/)

    await flush()
    await vi.waitFor(() => expect(screen.queryByText('待发送')).not.toBeInTheDocument())
    expect(screen.queryByText(/已发送/)).not.toBeInTheDocument()
  })

  it('offers "retry now" after a failed attempt, which makes it due at once', async () => {
    await enqueue(report('r1'))
    api.scriptNext(/reports/, { status: 503 })
    await flush()
    renderStatus()
    expect(await screen.findByRole('status')).toHaveTextContent('暂时没有发送成功，会自动重试。')
    await userEvent.click(screen.getByRole('button', { name: '立即重试' }))
    expect((await db.outbox.get('r1'))?.nextAttemptAt).toBe(0)
  })

  it("gives a refusal the server's own words, a way back to the draft, and lets it be dismissed", async () => {
    await enqueue(report('bad', ''))
    await flush()
    renderStatus()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('有一份反映没有被受理：错误 422')
    expect(within(alert).getByRole('link', { name: '修改后重新提交' })).toHaveAttribute(
      'href',
      '/drafts/draft-bad',
    )
    // Queued again: the notice steps aside; once sent, it is gone for good.
    await enqueue(report('bad'))
    await vi.waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
    await flush()
    await enqueue(report('bad2', ''))
    await flush()
    await userEvent.click(await screen.findByRole('button', { name: '知道了' }))
    await vi.waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
    expect(await db.settings.get('outboxRefusals')).toMatchObject({ value: [] })
  })
})
