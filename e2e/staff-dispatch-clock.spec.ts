import { expect, test } from '@playwright/test'
import type { Browser } from '@playwright/test'
import { act, openTicket, reportByNewOwner, signInAs } from './staff-fixtures'

// The server is shared by every spec: give the next one today's clock back.
test.afterEach(async ({ request }) => {
  await request.post('/api/test/clock', { data: { now: new Date().toISOString() } })
})

// Monday 16 March 2026, 10:00 in China: an ordinary working week (no holiday nearby).
const MONDAY = '2026-03-16T02:00:00.000Z'
// Thursday 19 March, 10:00: the dispatch step (due Tuesday 24:00) has passed.
const THURSDAY = '2026-03-19T02:00:00.000Z'

async function officeRow(browser: Browser, baseURL: string | undefined, number: string) {
  // A fresh sign-in after each clock move: a session does not outlive a jump of days.
  const office = await signInAs(browser, baseURL, 'office.nanning')
  return office.locator(`tr[data-ticket-number="${number}"]`)
}

test('an accepted ticket the desk has not dispatched turns amber, then red, on the office board', async ({
  browser,
  baseURL,
  request,
}) => {
  test.slow()
  expect((await request.post('/api/test/clock', { data: { now: MONDAY } })).status()).toBe(200)
  const { ticket } = await reportByNewOwner(request, {
    title: '西乡塘区食品经营许可证延续一直没有分派',
    divisionCode: '450107',
  })
  const desk = await signInAs(browser, baseURL, 'desk.nanning')
  await openTicket(desk, ticket)
  await act(desk, '受理')

  // Accepted on Monday: the desk has until Tuesday 24:00 to dispatch (分办), 1 working day.
  const near = await officeRow(browser, baseURL, ticket.number)
  await expect(near).toHaveClass(/gs-staff-row--near/)
  await expect(near).toContainText('分办期限')
  await expect(near.locator('xpath=ancestor::section')).toHaveClass(/gs-staff-lane--near/)

  expect((await request.post('/api/test/clock', { data: { now: THURSDAY } })).status()).toBe(200)
  const late = await officeRow(browser, baseURL, ticket.number)
  await expect(late).toHaveClass(/gs-staff-row--overdue/)
  await expect(late).toContainText('已超期')
  await expect(late).toContainText('分办期限')
  await expect(late.locator('xpath=ancestor::section')).toHaveClass(/gs-staff-lane--overdue/)
})
