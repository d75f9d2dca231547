import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe'
import { act, expectStatus, openTicket, reportByNewOwner, signInAs } from './staff-fixtures'

// Issue 17: the routes a report takes at the desk besides dispatch, walked as a clerk would.
test('a desk transfers one report to another city and answers another directly', async ({
  browser,
  baseURL,
  request,
}) => {
  const [{ ticket: misplaced }, { owner, ticket: question }] = await Promise.all([
    reportByNewOwner(request, { title: '柳南区门店招牌审批问题', divisionCode: '450103' }),
    reportByNewOwner(request, {
      title: '个体户年报在哪里填',
      category: 'consultation',
      divisionCode: '450103',
    }),
  ])
  const nanning = await signInAs(browser, baseURL, 'desk.nanning', undefined, (page) =>
    expectAccessible(page, 'sign-in'),
  )

  // Transfer: the report is about Liuzhou; it leaves Nanning's queue for Liuzhou's desk.
  await openTicket(nanning, misplaced)
  await act(nanning, '转至其他专席', async (page) => {
    await page.getByLabel('转至专席（不选则转自治区专席）').selectOption({ label: '柳州市' })
    await page.getByLabel('说明').fill('门店在柳州市柳南区，请柳州市专席受理。')
    await expectAccessible(page, 'ticket with the transfer form')
  })
  await expectStatus(nanning, '待受理')
  await nanning.goto('/staff/queue')
  await expect(nanning.getByRole('link', { name: question.number })).toBeVisible()
  await expect(nanning.getByRole('link', { name: misplaced.number })).toHaveCount(0)
  await expectAccessible(nanning, 'queue')
  // Search finds within the desk's scope only: the transferred report is Liuzhou's now.
  const search = nanning.getByRole('searchbox', { name: '搜索' })
  await search.fill(misplaced.number)
  await search.press('Enter')
  await expect(nanning.getByText('没有符合条件的工单。')).toBeVisible()
  await search.fill(question.number.toLowerCase())
  await search.press('Enter')
  await expect(nanning.getByRole('link', { name: question.number })).toBeVisible()
  await expect(nanning.locator('tbody tr')).toHaveCount(1)
  const liuzhou = await signInAs(browser, baseURL, 'desk.liuzhou')
  await expect(liuzhou.getByRole('link', { name: misplaced.number })).toBeVisible()
  await openTicket(liuzhou, misplaced)
  await expect(liuzhou.locator('.gs-staff-history')).toContainText('请柳州市专席受理')

  // Answer directly: a consultation the desk can answer itself, without a unit.
  await openTicket(nanning, question)
  await act(nanning, '受理')
  await act(nanning, '直接答复', async (page) => {
    await page.getByLabel('答复内容').fill('个体工商户年报请登录国家企业信用信息公示系统填报。')
    await expectAccessible(page, 'ticket with the answer form')
  })
  await expectStatus(nanning, '已答复')
  // The owner reads the desk's answer at once: no unit, no review.
  const seen = await request.get(`/api/tickets/${question.id}`, { headers: owner.auth })
  expect(await seen.json()).toMatchObject({
    status: 'replied',
    reply: expect.stringContaining('年报'),
  })
})
