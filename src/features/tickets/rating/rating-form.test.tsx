import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nProvider } from '@/lib/i18n-react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { listOutbox } from '@/features/sync/outbox'
import { db } from '@/lib/db'
import { createI18n } from '@/lib/i18n'
import { RatingForm } from './rating-form'
import { RatingSection } from './rating-section'

const TICKET_ID = '00000000-0000-4000-8000-000000000001'

function renderForm() {
  render(
    <I18nProvider i18n={createI18n()}>
      <RatingForm ticketId={TICKET_ID} />
    </I18nProvider>,
  )
  return userEvent.setup()
}

describe('rating a reply', () => {
  beforeEach(async () => {
    await db.outbox.clear()
  })
  afterEach(() => vi.restoreAllMocks())

  it('asks both questions and queues nothing until both are answered', async () => {
    const user = renderForm()
    expect(screen.getByRole('radiogroup', { name: '问题是否解决？' })).toBeInTheDocument()
    expect(screen.getByRole('radiogroup', { name: '对办理结果是否满意？' })).toBeInTheDocument()
    await user.click(screen.getByRole('radio', { name: '已解决' }))
    await user.click(screen.getByRole('button', { name: '提交评价' }))
    expect(screen.getByRole('alert')).toHaveTextContent('请回答两个问题。')
    expect(await db.outbox.count()).toBe(0)
    // Answered: the message about the answers sent goes.
    await user.click(screen.getByRole('radio', { name: '满意' }))
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('requires a reason when dissatisfied, then puts the rating in the outbox', async () => {
    const user = renderForm()
    await user.click(screen.getByRole('radio', { name: '未解决' }))
    await user.click(screen.getByRole('radio', { name: '不满意' }))
    await user.click(screen.getByRole('button', { name: '提交评价' }))
    expect(screen.getByRole('alert')).toHaveTextContent('选择“不满意”时请写明理由。')
    expect(await db.outbox.count()).toBe(0)

    await user.type(screen.getByLabelText('不满意的理由'), '没有人联系我')
    await user.click(screen.getByRole('button', { name: '提交评价' }))
    await waitFor(async () => expect(await db.outbox.count()).toBe(1))
    const [item] = await listOutbox()
    expect(item).toMatchObject({
      method: 'POST',
      path: `/tickets/${TICKET_ID}/rating`,
      body: {
        kind: 'json',
        value: {
          id: item?.id,
          resolved: 'no',
          satisfaction: 'dissatisfied',
          reason: '没有人联系我',
        },
      },
    })
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('asks no reason of a satisfied owner', async () => {
    const user = renderForm()
    await user.click(screen.getByRole('radio', { name: '部分解决' }))
    await user.click(screen.getByRole('radio', { name: '基本满意' }))
    expect(screen.queryByLabelText('不满意的理由')).not.toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '提交评价' }))
    await waitFor(async () => expect(await db.outbox.count()).toBe(1))
    const [item] = await listOutbox()
    expect(item?.body).toEqual({
      kind: 'json',
      value: { id: item?.id, resolved: 'partly', satisfaction: 'basic' },
    })
  })

  // Issue 17: no confirmation after 提交评价; the form just vanished.
  it("confirms the rating in the form's place, focused, and keeps saying so", async () => {
    const i18n = createI18n()
    const view = render(
      <I18nProvider i18n={i18n}>
        <RatingSection ticketId={TICKET_ID} canRate />
      </I18nProvider>,
    )
    const user = userEvent.setup()
    await user.click(screen.getByRole('radio', { name: '已解决' }))
    await user.click(screen.getByRole('radio', { name: '满意' }))
    await user.click(screen.getByRole('button', { name: '提交评价' }))

    const thanks = await screen.findByText('评价已提交：已解决，满意。谢谢您的评价。')
    await waitFor(() => expect(thanks).toHaveFocus())
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument()
    // The rating waits in the outbox: the screen no longer offers it, the confirmation stays.
    view.rerender(
      <I18nProvider i18n={i18n}>
        <RatingSection ticketId={TICKET_ID} canRate={false} />
      </I18nProvider>,
    )
    expect(screen.getByText('评价已提交：已解决，满意。谢谢您的评价。')).toBeVisible()
    // Re-handled and replied again: a new round, a new form.
    view.rerender(
      <I18nProvider i18n={i18n}>
        <RatingSection ticketId={TICKET_ID} canRate />
      </I18nProvider>,
    )
    expect(screen.getByRole('button', { name: '提交评价' })).toBeVisible()
  })

  it('offline, says by the button that the rating is kept, and then that it waits', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const i18n = createI18n()
    const view = render(
      <I18nProvider i18n={i18n}>
        <RatingSection ticketId={TICKET_ID} canRate />
      </I18nProvider>,
    )
    const user = userEvent.setup()
    expect(screen.getByRole('heading', { name: '评价办理结果' })).toBeVisible()
    expect(screen.getByText(/现在没有网络也可以提交/)).toBeVisible()
    await user.click(screen.getByRole('radio', { name: '部分解决' }))
    await user.click(screen.getByRole('radio', { name: '基本满意' }))
    await user.click(screen.getByRole('button', { name: '提交评价' }))
    await waitFor(async () => expect(await db.outbox.count()).toBe(1))
    view.rerender(
      <I18nProvider i18n={i18n}>
        <RatingSection ticketId={TICKET_ID} canRate isPending />
      </I18nProvider>,
    )
    expect(
      await screen.findByText('评价已保存：部分解决，基本满意。联网后自动发送。'),
    ).toBeVisible()
    expect(screen.queryByText(/谢谢/)).not.toBeInTheDocument()
  })

  it('keeps the confirmation when the rating leaves the outbox before the ticket is fetched again', async () => {
    const i18n = createI18n()
    const section = (props: { canRate: boolean; isPending: boolean }) => (
      <I18nProvider i18n={i18n}>
        <RatingSection ticketId={TICKET_ID} {...props} />
      </I18nProvider>
    )
    const view = render(section({ canRate: true, isPending: false }))
    const user = userEvent.setup()
    await user.click(screen.getByRole('radio', { name: '已解决' }))
    await user.click(screen.getByRole('radio', { name: '满意' }))
    await user.click(screen.getByRole('button', { name: '提交评价' }))
    const thanks = '评价已提交：已解决，满意。谢谢您的评价。'
    expect(await screen.findByText(thanks)).toBeVisible()
    view.rerender(section({ canRate: true, isPending: true }))
    // Sent: the outbox is empty, the ticket on screen still says it can be rated.
    view.rerender(section({ canRate: true, isPending: false }))
    expect(screen.getByText(thanks)).toBeVisible()
    expect(screen.queryByRole('button', { name: '提交评价' })).not.toBeInTheDocument()
    // Fetched again: closed.
    view.rerender(section({ canRate: false, isPending: false }))
    expect(screen.getByText(thanks)).toBeVisible()
  })
})
