import { expect, test, type Page } from '@playwright/test'
import { signInAs } from './staff-fixtures'
import { ownerPhone, reportFrom, statusOf } from './tickets-fixtures'

// The owner withdraws a report before a desk has accepted it: the app asks first, the ticket is
// withdrawn for good, and the desk's queue no longer offers it for acceptance.

/** The desk's queue once it has loaded (a table of tickets, or the word that there are none). */
async function deskQueue(desk: Page) {
  await desk.goto('/staff/queue')
  await expect(desk.getByRole('table').or(desk.getByText('暂无待办工单。'))).toBeVisible()
  return desk.locator('tbody tr')
}

test('the owner withdraws a report before acceptance, after confirming', async ({
  page,
  browser,
  baseURL,
}) => {
  const owner = await ownerPhone(page)
  const ticket = await reportFrom(page, owner, '临时占道经营许可材料交错了')
  const desk = await signInAs(browser, baseURL, 'desk.nanning')
  const row = (await deskQueue(desk)).filter({ hasText: ticket.number })
  await expect(row).toContainText('待受理')

  await page.goto(`/tickets/${ticket.id}`)
  await expect(statusOf(page)).toHaveText('待受理')

  // Changing one's mind at the question keeps the report.
  await page.getByRole('button', { name: '撤回反映' }).click()
  const question = page.getByRole('alertdialog', { name: '撤回反映' })
  await expect(question).toContainText('撤回后工单不再办理，确定撤回吗？')
  await question.getByRole('button', { name: '不撤回' }).click()
  await expect(question).toHaveCount(0)
  await expect(statusOf(page)).toHaveText('待受理')

  await page.getByRole('button', { name: '撤回反映' }).click()
  await page.getByRole('button', { name: '确定撤回' }).click()
  await expect(page.getByText('已撤回。')).toBeVisible()
  await expect(statusOf(page)).toHaveText('已撤回')
  const timeline = page.getByRole('list', { name: '办理过程' })
  await expect(timeline.locator('[data-type="withdraw"]')).toHaveCount(1)
  // A withdrawn ticket takes no more action from the owner.
  await expect(page.getByRole('button', { name: '撤回反映' })).toHaveCount(0)
  await expect(page.getByRole('form', { name: '补充材料' })).toHaveCount(0)

  // Reopened later, it is still withdrawn (the server's word, not the page's memory).
  await page.reload()
  await expect(statusOf(page)).toHaveText('已撤回')

  const rows = await deskQueue(desk)
  await expect(rows.filter({ hasText: ticket.number })).toHaveCount(0)
  await desk.context().close()
})
