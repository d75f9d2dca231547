import { expect, test, type Page } from '@playwright/test'
import { ownerPhone, reportFrom, staffSession, statusOf } from './tickets-fixtures'

// The owner acts on a ticket: rates the reply (dissatisfied sends it back for re-handling, and the
// owner rates again at the end) and urges once a step is overdue, never before.

async function rate(page: Page, resolved: string, satisfaction: string, reason?: string) {
  const form = page.getByRole('form', { name: '评价办理结果' })
  await form.getByRole('radio', { name: resolved, exact: true }).check()
  await form.getByRole('radio', { name: satisfaction, exact: true }).check()
  if (reason) await form.getByLabel('不满意的理由').fill(reason)
  await form.getByRole('button', { name: '提交评价' }).click()
}

test('dissatisfied, re-handled, replied again, rated satisfied: the ticket is closed', async ({
  page,
  baseURL,
}) => {
  const owner = await ownerPhone(page)
  const ticket = await reportFrom(page, owner, '个体户年报系统无法提交')
  const desk = await staffSession(baseURL, 'desk.nanning')
  const unit = await staffSession(baseURL, 'unit.nanning.amr')
  await desk.send(ticket.id, { type: 'accept' })
  await desk.send(ticket.id, { type: 'dispatch', leadUnitId: 'nanning-amr' })
  await unit.send(ticket.id, { type: 'sign' })
  await unit.send(ticket.id, { type: 'contact', channel: 'phone', summary: '已电话联系经营主体。' })
  await unit.send(ticket.id, { type: 'reply', reply: '系统已恢复，请重新提交年报。' })
  await desk.send(ticket.id, { type: 'approve_reply' })

  await page.goto(`/tickets/${ticket.id}`)
  await expect(statusOf(page)).toHaveText('已答复，待评价')
  await expect(page.getByTestId('ticket-reply')).toHaveText('系统已恢复，请重新提交年报。')

  // A reason is required when dissatisfied.
  await rate(page, '未解决', '不满意')
  await expect(page.getByRole('alert')).toHaveText('选择“不满意”时请写明理由。')
  await rate(page, '未解决', '不满意', '重新提交仍然报错，没有人联系我。')
  await expect(statusOf(page)).toHaveText('不满意核实中')
  await expect(page.getByText('理由：重新提交仍然报错，没有人联系我。')).toBeVisible()
  const timeline = page.getByRole('list', { name: '办理过程' })
  await expect(timeline.locator('[data-type="rate"]')).toContainText(
    '重新提交仍然报错，没有人联系我。',
  )

  await desk.send(ticket.id, { type: 'order_rehandle', reason: '经营主体反映问题仍未解决' })
  await expect(statusOf(page)).toHaveText('办理中')
  await expect(timeline.locator('[data-type="order_rehandle"]')).toContainText('重新办理')
  await expect(timeline.locator('[data-type="rate"]')).toHaveCount(1)

  await unit.send(ticket.id, { type: 'reply', reply: '已派技术人员上门，年报已提交成功。' })
  await desk.send(ticket.id, { type: 'approve_reply' })
  await expect(statusOf(page)).toHaveText('已答复，待评价')
  await expect(page.getByTestId('ticket-reply')).toHaveText('已派技术人员上门，年报已提交成功。')

  await rate(page, '已解决', '满意')
  await expect(statusOf(page)).toHaveText('已办结')
  // The confirmation outlives the rating's trip through the outbox and the ticket's refetch
  // (it was cleared when the sent rating looked like a new round).
  await expect(page.getByText('评价已提交：已解决，满意。谢谢您的评价。')).toBeVisible()
  await expect(page.getByRole('form', { name: '评价办理结果' })).toHaveCount(0)
  await expect(timeline.locator('[data-type="rate"]')).toHaveCount(2)

  // The case file: the whole story, to print or save as a PDF, without the app around it.
  await page.getByRole('link', { name: '案卷（可打印或保存为 PDF）' }).click()
  await expect(page.getByRole('heading', { name: `工单案卷 ${ticket.number}` })).toBeVisible()
  await expect(page.getByText('评价：已解决，满意')).toBeVisible()
  await expect(timeline.locator('[data-type="rate"]')).toHaveCount(2)
  await expect(timeline.locator('[data-type="order_rehandle"]')).toHaveCount(1)
  // The desk's reason for re-handling is an internal note, never the owner's to read.
  await expect(page.getByRole('main')).not.toContainText('经营主体反映问题仍未解决')
  const navBar = page.locator('.gs-nav-bar')
  const print = page.getByRole('button', { name: '打印 / 保存为 PDF' })
  await expect(navBar).toBeVisible()
  await page.emulateMedia({ media: 'print' })
  await expect(navBar).toBeHidden()
  await expect(print).toBeHidden()
  await expect(timeline).toBeVisible()
  await desk.api.dispose()
  await unit.api.dispose()
})

test('urging is refused before the due time and accepted after it', async ({ page }) => {
  const owner = await ownerPhone(page)
  const ticket = await reportFrom(page, owner, '招牌设置审批迟迟没有受理')
  await page.goto(`/tickets/${ticket.id}`)
  await expect(statusOf(page)).toHaveText('待受理')
  await expect(page.getByRole('button', { name: '催办' })).toHaveCount(0)
  await expect(page.getByText(/后可以催办。$/)).toBeVisible()

  const early = await page.request.post(`/api/tickets/${ticket.id}/urge`, {
    headers: owner.auth,
    data: { id: crypto.randomUUID() },
  })
  expect(early.status()).toBe(409)
  const { availableAt } = (await early.json()) as { availableAt: string }

  try {
    const later = new Date(Date.parse(availableAt) + 60 * 60 * 1000).toISOString()
    expect((await page.request.post('/api/test/clock', { data: { now: later } })).ok()).toBe(true)
    await page.reload()
    await page.getByRole('button', { name: '催办' }).click()
    await expect(page.getByText('已催办。')).toBeVisible()
    const timeline = page.getByRole('list', { name: '办理过程' })
    await expect(timeline.locator('[data-type="urge"]')).toHaveCount(1)
  } finally {
    await page.request.post('/api/test/clock', { data: { now: new Date().toISOString() } })
  }
})
