import { randomUUID } from 'node:crypto'
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './axe'
import { act, expectStatus, openTicket, reportByNewOwner, signInAs } from './staff-fixtures'

/** A step the journey needs but does not walk: sent through the API as the console would. */
async function send(page: Page, ticketId: string, event: Record<string, unknown>) {
  const res = await page.request.post(`/api/staff/tickets/${ticketId}/events`, {
    data: event,
    headers: { 'idempotency-key': randomUUID() },
  })
  expect(res.status(), await res.text()).toBe(200)
}

// Issue 17: the office's part in a ticket's life, walked in the console. One desk, one unit and
// one office share the setup: refer → designate lead → return as mis-routed → escalate → decide →
// terminate, and a dissatisfied rating the office confirms as closed.
test('the office designates a lead, decides an escalation, terminates and confirms closure', async ({
  browser,
  baseURL,
  request,
}) => {
  test.slow()
  // In this order: a termination names only tickets created before the one it ends.
  const { owner, ticket: earlier } = await reportByNewOwner(request, {
    title: '商铺装修审批此前已答复',
    divisionCode: '450103',
  })
  const { ticket } = await reportByNewOwner(request, {
    title: '商铺装修同时涉及消防和城管',
    divisionCode: '450103',
  })
  const [desk, office, unit] = await Promise.all([
    signInAs(browser, baseURL, 'desk.nanning'),
    signInAs(browser, baseURL, 'office.nanning'),
    signInAs(browser, baseURL, 'unit.nanning.amr'),
  ])
  // The earlier ticket of the same business was answered: the one a termination names.
  await send(desk, earlier.id, { type: 'accept' })
  await send(desk, earlier.id, { type: 'answer', reply: '已于上月书面答复装修审批流程。' })

  // Refer: the desk cannot tell the lead; the office designates it.
  await openTicket(desk, ticket)
  await act(desk, '受理')
  await act(desk, '报请确定主办单位', async (page) => {
    await page.getByLabel('说明').fill('涉及多个部门，请办公室确定主办单位。')
  })
  await expectStatus(desk, '协调中')
  await expect(office.locator(`tr[data-ticket-number="${ticket.number}"]`)).toBeVisible()
  await expectAccessible(office, 'office board')
  await openTicket(office, ticket)
  await act(office, '确定主办单位', async (page) => {
    await page
      .getByLabel('主办单位', { exact: true })
      .selectOption({ label: '南宁市市场监督管理局' })
  })
  await expectStatus(office, '已分派')

  // Return as mis-routed: the unit sends it back to the desk, which dispatches it again.
  await openTicket(unit, ticket)
  await act(unit, '退回（分派有误）', async (page) => {
    await page.getByLabel('原因').fill('装修消防不属于本局职责。')
    await expectAccessible(page, 'unit ticket with the return form')
  })
  await expectStatus(unit, '已受理')
  await desk.reload()
  await expectStatus(desk, '已受理')
  await expect(desk.locator('.gs-staff-history')).toContainText('装修消防不属于本局职责')
  await send(desk, ticket.id, { type: 'dispatch', leadUnitId: 'nanning-amr' })

  // Escalate → decide: the unit asks for coordination, the office decides.
  await unit.reload()
  await act(unit, '签收')
  await act(unit, '提请协调', async (page) => {
    await page.getByLabel('原因').fill('需要消防部门共同现场检查。')
  })
  await expectStatus(unit, '协调中')
  await office.reload()
  await act(office, '作出协调决定', async (page) => {
    await page.getByLabel('说明').fill('由市场监管局牵头，消防部门配合，本周内现场检查。')
  })
  await expectStatus(office, '办理中')

  // Terminate: the same matter was answered lawfully before; the office names that ticket.
  await act(office, '终结办理', async (page) => {
    await page.getByRole('checkbox', { name: new RegExp(earlier.number) }).check()
    await page.getByLabel('终结说明').fill('同一事项已依法答复，经营主体重复反映。')
    await expectAccessible(page, 'ticket with the termination form')
  })
  await expectStatus(office, '终结办理')

  // Confirm closure: the owner was dissatisfied with the earlier answer; the office closes it.
  const rating = await request.post(`/api/tickets/${earlier.id}/rating`, {
    headers: owner.auth,
    data: { id: randomUUID(), resolved: 'no', satisfaction: 'dissatisfied', reason: '没有解决' },
  })
  expect(rating.status()).toBe(200)
  await openTicket(office, earlier)
  await expectStatus(office, '不满意核实中')
  await act(office, '确认办结', async (page) => {
    await page.getByLabel('说明').fill('已依法答复，诉求超出政策范围，经核实确认办结。')
  })
  await expectStatus(office, '已办结')
})
