import { atSmsHours, smsFor } from './sms-fixtures'
import { expect, test, type Page } from '@playwright/test'
import { act, expectStatus, signInAs } from './staff-fixtures'
import { staffSession, statusOf } from './tickets-fixtures'

// Every channel in (issue 16): a report taken on the 12345 line reaches the owner's phone through
// the receipt SMS, and tickets move between desks with a reason.

const shot = async (page: Page, name: string) => {
  const dir = process.env.SCREENSHOT_DIR
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true })
}

atSmsHours()

test('a phone report registered at the desk is claimed from its SMS, accepted live and rated', async ({
  page,
  browser,
  baseURL,
}) => {
  test.slow()
  const desk = await signInAs(browser, baseURL, 'desk.nanning')
  await desk.getByRole('link', { name: '登记反映' }).click()
  await expect(desk.getByLabel('渠道')).toBeFocused()
  await desk.getByLabel('统一社会信用代码').fill('91450100MA5K00000B')
  await desk.getByLabel('主体名称').fill('青秀区小明便利店')
  await desk.getByLabel('主体类型').selectOption({ label: '个体工商户' })
  await desk.getByLabel('类别').selectOption({ label: '咨询' })
  await expect(desk.getByText('能当场解答的当场解答')).toBeVisible()
  await desk.getByLabel('标题').fill('个体户可以享受哪些税收优惠')
  await desk.getByLabel('详细情况').fill('来电咨询：个体户有哪些税收优惠政策。')
  await desk.getByLabel('所在地（区县）').selectOption('450103')
  await desk.getByLabel('姓名').fill('张小明')
  await desk.getByLabel('联系电话').fill('13800001234')
  await shot(desk, 'intake-form-1280')
  await desk.getByLabel('详细情况').press('Control+Enter')
  const number = (await desk.getByTestId('receipt-number').textContent()) ?? ''
  const code = (await desk.getByTestId('receipt-code').textContent()) ?? ''
  expect(number).toMatch(/^GX\d{10}$/)
  await shot(desk, 'intake-receipt-1280')

  const queue = await (await staffSession(baseURL, 'desk.nanning')).api.get('/api/staff/queue')
  const { tickets } = (await queue.json()) as { tickets: { id: string; number: string }[] }
  const ticketId = tickets.find((t) => t.number === number)?.id ?? ''
  await expect.poll(() => smsFor(ticketId).map((line) => line.event)).toEqual(['receipt'])
  const sms = smsFor(ticketId)[0]?.text ?? ''
  expect(sms).toContain(code)
  const link = /\/claim\?\S+/.exec(sms)?.[0] ?? ''
  expect(link).toContain(number)

  await page.goto(link)
  await expect(page.getByLabel('工单号')).toHaveValue(number)
  await expect(page.getByLabel('验证码')).toHaveValue(code)
  await shot(page, 'claim-360')
  await page.getByRole('button', { name: '添加到这部手机' }).click()
  await page.waitForURL(`**/tickets/${ticketId}`)
  await expect(statusOf(page)).toHaveText('待受理')
  await expect(page.getByText('经12345热线登记')).toBeVisible()

  await desk.goto(`/staff/tickets/${ticketId}`)
  await act(desk, '受理')
  await expectStatus(desk, '已受理')
  await expect(statusOf(page)).toHaveText('已受理')
  await act(desk, '直接答复', async (p) => {
    await p.getByLabel('答复内容').fill('月销售额10万元以下的小规模纳税人免征增值税。')
  })
  await expect(statusOf(page)).toHaveText('已答复，待评价')
  const form = page.getByRole('form', { name: '评价办理结果' })
  await form.getByRole('radio', { name: '已解决', exact: true }).check()
  await form.getByRole('radio', { name: '满意', exact: true }).check()
  await form.getByRole('button', { name: '提交评价' }).click()
  await expect(statusOf(page)).toHaveText('已办结')
  await page.goto('/tickets')
  await expect(page.getByText('个体户可以享受哪些税收优惠')).toBeVisible()
})

test('the region desk transfers a ticket to the Liuzhou desk, which accepts it; Nanning sees nothing', async ({
  browser,
  baseURL,
}) => {
  test.slow()
  const nanning = await staffSession(baseURL, 'desk.nanning')
  const registered = await nanning.api.post('/api/staff/intake', {
    data: {
      id: crypto.randomUUID(),
      channel: 'phone',
      category: 'help',
      title: '柳州门店办电等待太久',
      description: '来电：企业在柳州开设门店，用电报装一个月未完成。',
      business: {
        name: '广西某餐饮有限公司',
        creditCode: '91450100MA5K00000B',
        kind: 'enterprise',
      },
      contact: { name: '李四', phone: '13800005678' },
      divisionCode: '450103',
    },
  })
  expect(registered.status()).toBe(201)
  const ticket = (await registered.json()) as { id: string; number: string }
  await nanning.send(ticket.id, { type: 'transfer', note: '涉及两市，转自治区专席' })

  const region = await signInAs(browser, baseURL, 'desk.region')
  await region.goto(`/staff/tickets/${ticket.id}`)
  await act(region, '转至其他专席', async (p) => {
    await p.getByLabel('转至专席').selectOption({ label: '柳州市' })
    await p.getByLabel('说明').fill('门店在柳州，由柳州市专席受理')
  })

  const liuzhou = await signInAs(browser, baseURL, 'desk.liuzhou')
  await expect(liuzhou.locator(`[data-ticket-number="${ticket.number}"]`)).toBeVisible()
  await liuzhou.goto(`/staff/tickets/${ticket.id}`)
  await act(liuzhou, '受理')
  await expectStatus(liuzhou, '已受理')

  const nanningQueue = (await (await nanning.api.get('/api/staff/queue')).json()) as {
    tickets: { id: string }[]
  }
  expect(nanningQueue.tickets.map((t) => t.id)).not.toContain(ticket.id)
  expect((await nanning.api.get(`/api/staff/tickets/${ticket.id}`)).status()).toBe(404)
})
