import { randomUUID } from 'node:crypto'
import { expect, test } from '@playwright/test'
import sharp from 'sharp'
import {
  act,
  aWorkingDayAfter,
  expectStatus,
  reportByNewOwner,
  openTicket,
  signInAs,
} from './staff-fixtures'

test('a report goes from acceptance to closure, each step by the right role', async ({
  browser,
  baseURL,
  request,
}) => {
  // Several signed-in contexts, one per role: a long journey on a shared 2-core machine.
  test.slow()
  const { owner, ticket } = await reportByNewOwner(request, {
    title: '营业执照变更登记迟迟没有办好',
    divisionCode: '450103',
  })

  const desk = await signInAs(browser, baseURL, 'desk.nanning')
  await expect(desk.getByRole('link', { name: ticket.number })).toBeVisible()
  // The queue shows the owner's phone masked, never whole.
  const row = desk.locator(`tr[data-ticket-number="${ticket.number}"]`)
  await expect(row).toContainText('138****1234')
  await expect(row).not.toContainText('13800001234')
  await desk.getByRole('link', { name: ticket.number }).click()
  // A double click accepts once: the second click lands while the first is in flight.
  await desk.getByRole('button', { name: '受理', exact: true }).dblclick()
  await expect(desk.getByRole('status')).toHaveText('已受理。')
  await expect(desk.locator('.gs-staff-history li', { hasText: '已受理' })).toHaveCount(1)
  await act(desk, '分派', async (page) => {
    // The responsibility list suggests the market regulator for a business licence change.
    const lead = page.getByLabel('主办单位')
    await expect(lead.locator('optgroup[label="职责清单建议"] option').first()).toContainText(
      '南宁市市场监督管理局',
    )
    await lead.selectOption({ label: '南宁市市场监督管理局' })
    await page.getByRole('checkbox', { name: '国家税务总局南宁市税务局' }).check()
  })
  await expectStatus(desk, '已分派')

  const unit = await signInAs(browser, baseURL, 'unit.nanning.amr')
  await unit.getByRole('link', { name: ticket.number }).click()
  await act(unit, '签收')
  await expectStatus(unit, '办理中')
  const staffTicket = await unit.request.get(`/api/staff/tickets/${ticket.id}`)
  const { due } = (await staffTicket.json()) as { due: { lastDay: string } }
  const until = aWorkingDayAfter(due.lastDay)
  await act(unit, '申请延期', async (page) => {
    await page.getByLabel('延期至（工作日）').fill(until)
    await page.getByLabel('原因').fill('需要现场核查经营场所，时间不够。')
  })
  await expectStatus(unit, '延期审批中')

  const office = await signInAs(browser, baseURL, 'office.nanning')
  await expect(office.getByRole('heading', { level: 1, name: '督办看板' })).toBeVisible()
  await office.getByRole('link', { name: ticket.number }).click()
  await act(office, '批准延期', async () => {})
  await expectStatus(office, '办理中')
  await expect(office.getByText(`办理期限 ${until} 24:00`)).toBeVisible()

  await unit.reload()
  // DOMAIN.md: a unit contacts the owner before it may reply.
  await act(unit, '记录联系经营主体', async (page) => {
    await page.getByLabel('联系方式').selectOption('phone')
    await page.getByLabel('联系情况').fill('已电话告知经营主体办理进度。')
  })
  // The unit attaches a photo of the licence to its reply; the owner sees it only once approved.
  const licence = await sharp({
    create: { width: 320, height: 240, channels: 3, background: '#c03030' },
  })
    .jpeg()
    .toBuffer()
  await unit
    .getByLabel('选择照片')
    .setInputFiles({ name: 'licence.jpg', mimeType: 'image/jpeg', buffer: licence })
  await expect(unit.getByText('已上传 1 张照片。')).toBeVisible()
  await expect(unit.getByRole('list', { name: '附件' }).getByRole('img')).toHaveCount(1)
  const ownerFiles = async () => {
    const res = await request.get(`/api/tickets/${ticket.id}`, { headers: owner.auth })
    const { attachments } = (await res.json()) as { attachments: { uploadedBy: string }[] }
    return attachments.map((a) => a.uploadedBy)
  }
  expect(await ownerFiles()).toEqual([])
  await act(unit, '提交答复', async (page) => {
    await page.getByLabel('答复内容').fill('经核查，变更登记已于今日办结，执照已可领取。')
  })
  await expectStatus(unit, '答复审核中')

  await desk.reload()
  // The desk reviews the unit's reply before the owner sees it.
  await expect(desk.getByRole('definition').filter({ hasText: '经核查' })).toBeVisible()
  await act(desk, '审核通过答复')
  await expectStatus(desk, '已答复')
  expect(await ownerFiles()).toEqual(['unit'])

  const rating = await request.post(`/api/tickets/${ticket.id}/rating`, {
    headers: owner.auth,
    data: { id: randomUUID(), resolved: 'yes', satisfaction: 'satisfied' },
  })
  expect(rating.status()).toBe(200)
  expect(((await rating.json()) as { status: string }).status).toBe('closed')

  await desk.reload()
  await expectStatus(desk, '已办结')
  await expect(desk.getByText('当前没有需要您处理的操作。')).toBeVisible()
  // Signing out forgets the session: the console asks for a sign-in again.
  await desk.getByRole('button', { name: '退出登录' }).click()
  await expect(desk.getByRole('button', { name: '登录' })).toBeVisible()
  expect((await desk.request.get(`/api/staff/tickets/${ticket.id}`)).status()).toBe(401)
})

test('a unit and a desk of another city see nothing of a ticket, in the console or the API', async ({
  browser,
  baseURL,
  request,
}) => {
  // Several signed-in contexts, one per role: a long journey on a shared 2-core machine.
  test.slow()
  const { ticket } = await reportByNewOwner(request, {
    title: '柳南区食品经营许可证延续办理问题',
    divisionCode: '450204',
  })
  const liuzhouDesk = await signInAs(browser, baseURL, 'desk.liuzhou')
  await openTicket(liuzhouDesk, ticket)
  await act(liuzhouDesk, '受理')
  await act(liuzhouDesk, '分派', async (page) => {
    await page.getByLabel('主办单位').selectOption({ label: '柳州市市场监督管理局' })
  })

  for (const username of ['desk.nanning', 'unit.nanning.amr']) {
    const page = await signInAs(browser, baseURL, username)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByText(ticket.number)).toHaveCount(0)
    await page.goto(`/staff/tickets/${ticket.id}`)
    // The API's own words for a ticket out of scope: the same as for one that does not exist.
    await expect(page.getByRole('alert')).toHaveText('找不到请求的内容。')
    await expect(page.getByText(ticket.number)).toHaveCount(0)
    expect((await page.request.get(`/api/staff/tickets/${ticket.id}`)).status()).toBe(404)
    const queue = await page.request.get('/api/staff/queue')
    expect(JSON.stringify(await queue.json())).not.toContain(ticket.id)
  }
})
