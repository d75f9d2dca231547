import { atSmsHours, smsFor } from './sms-fixtures'
import { expect, test } from '@playwright/test'
import { act, expectStatus, openTicket, reportByNewOwner, signInAs } from './staff-fixtures'

// The owner closed the app after reporting: each step reaches them by SMS. The demo's SMS
// provider is the log driver, which writes every message as one JSON line to DATA_DIR/sms.jsonl.

atSmsHours()

test('the owner hears by SMS of a refusal with its basis, and of a reply with the date to rate by', async ({
  browser,
  baseURL,
  request,
}) => {
  test.slow()
  const standard = '属于经营者与消费者之间的民事纠纷（请拨打12315）'
  const detail = '退货纠纷请与商场协商或向市场监管部门投诉。'
  const refused = await reportByNewOwner(request, { title: '商场退货纠纷', divisionCode: '450103' })
  const desk = await signInAs(browser, baseURL, 'desk.nanning')
  await openTicket(desk, refused.ticket)
  await act(desk, '不予受理', async (page) => {
    await page.getByLabel('不予受理依据').selectOption({ label: standard })
    await page.getByLabel('依据说明').fill(detail)
  })
  await expectStatus(desk, '不予受理')
  await expect
    .poll(() => smsFor(refused.ticket.id).map((line) => line.event))
    .toEqual(['not_accepted'])
  const [refusal] = smsFor(refused.ticket.id)
  expect(refusal?.to).toBe('13800001234')
  expect(refusal?.text).toContain(`工单${refused.ticket.number}`)
  expect(refusal?.text).toContain(standard)
  expect(refusal?.text).toContain(detail)
  expect(refusal?.text).toContain(`/tickets/${refused.ticket.id}`)

  const answered = await reportByNewOwner(request, {
    title: '个体户可以享受哪些税收优惠',
    divisionCode: '450103',
    category: 'consultation',
  })
  await openTicket(desk, answered.ticket)
  await act(desk, '受理')
  await act(desk, '直接答复', async (page) => {
    await page.getByLabel('答复内容').fill('月销售额10万元以下的小规模纳税人免征增值税。')
  })
  await expectStatus(desk, '已答复')
  await expect
    .poll(() => smsFor(answered.ticket.id).map((line) => line.event))
    .toEqual(['accepted', 'reply_ready'])
  const reply = smsFor(answered.ticket.id)[1]
  expect(reply?.text).toMatch(/答复已送达，请于\d{1,2}月\d{1,2}日24时前评价。/)
})
