import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe'
import { deviceCredential, staffSession, statusOf } from './tickets-fixtures'
import { fetchWindowCode, type WindowCode } from './window-code.mjs'

// The owner's whole journey in English (issue 17): language switched on the home screen, a window
// code opened, the report sent, the receipt and the ticket read, the reply rated; axe (WCAG 2.2 AA,
// target size included) on every owner screen on the way. The staff side acts through its API.

let code: WindowCode
test.beforeAll(async ({ baseURL }) => {
  code = await fetchWindowCode(baseURL ?? '')
})

type Due = { workingDaysLeft: number; overdue: boolean }

test('an owner reading English reports from a window code, follows the ticket and rates it', async ({
  page,
  baseURL,
}) => {
  const title = 'Business licence renewal is slow'
  await page.goto('/')
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Report a problem' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expectAccessible(page, 'home')

  // Choosing by hand, the picker names cities and counties in English.
  await page.goto('/drafts/new')
  await page.getByLabel('City', { exact: true }).selectOption({ label: 'Nanning' })
  await page.getByLabel('County or district (optional)').selectOption({ label: 'Qingxiu District' })

  // The window code fills the area in; the language is kept across the app.
  await page.goto(new URL(code.link).pathname)
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/)
  await expect(page.getByText(`From the window code: ${code.name}`)).toBeVisible()
  await expect(page.getByText('Area: Nanning')).toBeVisible()
  await page.getByRole('radio', { name: /Complaint/ }).check()
  await page.getByLabel('Title').fill(title)
  await page.getByLabel('Details').fill('Applied in March at the window; no answer since.')
  await page.getByLabel('Business name').fill('Haoweidao Restaurant, Qingxiu District')
  await page.getByLabel('Unified social credit code').fill('91450103MA5KB1234X')
  await page.getByRole('radio', { name: 'Individual business' }).check()
  await page.getByLabel('Name', { exact: true }).fill('Li Ming')
  await page.getByLabel('Phone', { exact: true }).fill('13800138000')
  await expectAccessible(page, 'draft form')
  await page.getByRole('button', { name: 'Send report' }).click()

  await page.waitForURL(/\/receipts\/[0-9a-f-]{36}$/)
  await expect(page.getByText('Your report has arrived and a ticket was opened.')).toBeVisible()
  await expect(page.getByLabel('Ticket number')).toHaveText(/^GX\d{10,}$/)
  await expectAccessible(page, 'receipt')

  const auth = { authorization: `Bearer ${await deviceCredential(page)}` }
  const list = await page.request.get('/api/tickets', { headers: auth })
  type Listed = { id: string; title: string; due: Due | null }
  const { tickets } = (await list.json()) as { tickets: Listed[] }
  const sent = tickets.find((ticket) => ticket.title === title)
  const ticketId = sent?.id ?? ''
  const due = sent?.due

  await page.goto(`/tickets/${ticketId}`)
  await expect(statusOf(page)).toHaveText('Awaiting acceptance')
  // One working day is singular, more are plural, as the server counted them.
  // A ticket just sent is never overdue.
  expect(due?.overdue).toBe(false)
  const left = due?.workingDaysLeft
  await expect(page.getByText(`${left} working ${left === 1 ? 'day' : 'days'} left`)).toBeVisible()
  await expectAccessible(page, 'ticket page')

  const desk = await staffSession(baseURL, 'desk.nanning')
  const unit = await staffSession(baseURL, 'unit.nanning.amr')
  await desk.send(ticketId, { type: 'accept' })
  await desk.send(ticketId, { type: 'dispatch', leadUnitId: 'nanning-amr' })
  await unit.send(ticketId, { type: 'sign' })
  await unit.send(ticketId, { type: 'contact', channel: 'phone', summary: '已电话联系经营主体。' })
  await unit.send(ticketId, { type: 'reply', reply: '许可证已延续，请到窗口领取。' })
  await desk.send(ticketId, { type: 'approve_reply' })
  await desk.api.dispose()
  await unit.api.dispose()

  await expect(statusOf(page)).toHaveText('Replied, awaiting your rating')
  const form = page.getByRole('form', { name: 'Rate the result' })
  await expect(form).toBeVisible()
  await expectAccessible(page, 'rating')
  await form.getByRole('radio', { name: 'Solved', exact: true }).check()
  await form.getByRole('radio', { name: 'Satisfied', exact: true }).check()
  await form.getByRole('button', { name: 'Send rating' }).click()
  await expect(statusOf(page)).toHaveText('Closed')
  await expect(form).toHaveCount(0)
})
