import { expect, test } from '@playwright/test'
import { waitForServiceWorker } from './fixtures'
import {
  expectNotReloaded,
  markPage,
  ownerPhone,
  reportFrom,
  staffSession,
  statusOf,
} from './tickets-fixtures'

// The owner follows a ticket live: what the desk and the unit do shows on the open ticket page
// over the event stream, without a reload, and after a time offline the page catches up.

test('the desk accepts and dispatches; the open ticket page shows each change within 2 s', async ({
  page,
  baseURL,
}) => {
  const owner = await ownerPhone(page)
  const ticket = await reportFrom(page, owner, '店门口道路施工围挡影响经营')
  const desk = await staffSession(baseURL, 'desk.nanning')

  await page.goto(`/tickets/${ticket.id}`)
  await expect(statusOf(page)).toHaveText('待受理')
  await expect(page.getByText(`工单号 ${ticket.number}`)).toBeVisible()
  await markPage(page)

  await desk.send(ticket.id, { type: 'accept' })
  await expect(statusOf(page)).toHaveText('已受理', { timeout: 2_000 })
  await desk.send(ticket.id, { type: 'dispatch', leadUnitId: 'nanning-amr' })
  await expect(statusOf(page)).toHaveText('已分派', { timeout: 2_000 })
  await expect(page.getByRole('list', { name: '办理过程' }).getByRole('listitem')).toHaveCount(3)
  await expect(page.getByText(/办理期限/)).toBeVisible()
  await expectNotReloaded(page)

  // The list shows it too, with its status and what is new.
  await page.goto('/tickets')
  await expect(page.getByRole('link', { name: /店门口道路施工围挡影响经营/ })).toContainText(
    '已分派',
  )
  await desk.api.dispose()
})

test('offline while the ticket changes, the page catches up on reconnect without a reload', async ({
  page,
  context,
  baseURL,
}) => {
  const owner = await ownerPhone(page)
  await waitForServiceWorker(page)
  const ticket = await reportFrom(page, owner, '食品经营许可证延续审批进度')
  const desk = await staffSession(baseURL, 'desk.nanning')
  const unit = await staffSession(baseURL, 'unit.nanning.amr')
  await desk.send(ticket.id, { type: 'accept' })
  await desk.send(ticket.id, { type: 'dispatch', leadUnitId: 'nanning-amr' })

  await page.goto(`/tickets/${ticket.id}`)
  await expect(statusOf(page)).toHaveText('已分派')
  await markPage(page)

  await context.setOffline(true)
  await unit.send(ticket.id, { type: 'sign' })
  await unit.send(ticket.id, { type: 'contact', channel: 'phone', summary: '已电话联系经营主体。' })
  await unit.send(ticket.id, { type: 'reply', reply: '已联系窗口加快审批，预计三个工作日内办结。' })
  await expect(statusOf(page)).toHaveText('已分派')

  await context.setOffline(false)
  await expect(statusOf(page)).toHaveText('答复审核中')
  await expectNotReloaded(page)

  // Opened offline, the page shows the last known state, marked with when it was fetched.
  await context.setOffline(true)
  await page.reload()
  await expect(statusOf(page)).toHaveText('答复审核中')
  await expect(page.getByText(/^离线：显示的是 .+ 的状态$/)).toBeVisible()
  await context.setOffline(false)
  await desk.api.dispose()
  await unit.api.dispose()
})
