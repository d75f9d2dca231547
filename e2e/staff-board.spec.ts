import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { reportByNewOwner, signInAs } from './staff-fixtures'

const DAY_MS = 24 * 60 * 60 * 1000

// The server is shared by every spec: give the next one today's clock back.
test.afterEach(async ({ request }) => {
  await request.post('/api/test/clock', { data: { now: new Date().toISOString() } })
})

test('past the due time, the office board shows the ticket red with the owner’s urge', async ({
  browser,
  baseURL,
  request,
}) => {
  // Several signed-in contexts, one per role: a long journey on a shared 2-core machine.
  test.slow()
  const { owner, ticket } = await reportByNewOwner(request, {
    title: '江南区门面装修备案一直没人受理',
    divisionCode: '450105',
  })

  // The desk has 1 working day to accept; ten days later it is late whatever the holidays.
  const clock = (await (await request.get('/api/test/clock')).json()) as { now: string }
  const later = new Date(Date.parse(clock.now) + 10 * DAY_MS).toISOString()
  expect((await request.post('/api/test/clock', { data: { now: later } })).status()).toBe(200)
  const urge = await request.post(`/api/tickets/${ticket.id}/urge`, {
    headers: owner.auth,
    data: { id: randomUUID(), note: '十天了还没有受理。' },
  })
  expect(urge.status()).toBe(200)

  const office = await signInAs(browser, baseURL, 'office.nanning')
  const overdue = office.locator('.gs-staff-lane--overdue')
  await expect(overdue.locator('caption')).toContainText('超期')
  const row = overdue.locator(`tr[data-ticket-number="${ticket.number}"]`)
  await expect(row).toHaveClass(/gs-staff-row--overdue/)
  await expect(row).toContainText('已超期')
  await expect(row).toContainText('受理期限')
  await expect(row).toContainText('已催办')
  await expect(row).toContainText('138****1234')

  // The office supervises it from the ticket; the desk then sees the flag in its queue.
  await row.getByRole('link', { name: ticket.number }).click()
  await office.getByRole('button', { name: '督办', exact: true }).click()
  await office.getByLabel('说明').fill('请南宁市专席今日内受理。')
  await office.getByRole('button', { name: '确认督办' }).click()
  await expect(office.getByRole('status')).toHaveText('已督办。')
  const desk = await signInAs(browser, baseURL, 'desk.nanning')
  await expect(desk.locator(`tr[data-ticket-number="${ticket.number}"]`)).toContainText('督办')
})
