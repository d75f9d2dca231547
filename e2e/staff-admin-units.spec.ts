import { expect, test } from '@playwright/test'
import { act, openTicket, reportByNewOwner, signInAs } from './staff-fixtures'

test('a unit the admin makes lead for a category is the first suggestion when a desk dispatches', async ({
  browser,
  baseURL,
  request,
}) => {
  test.slow()
  const unitName = `南宁市营商环境服务中心${Date.now() % 10_000}`
  const admin = await signInAs(browser, baseURL, 'admin')
  await admin.getByRole('link', { name: '单位与责任清单' }).click()
  await admin.getByRole('button', { name: '新建承办单位' }).click()
  await admin.getByLabel('单位名称').fill(unitName)
  await admin.getByLabel('所在地').selectOption({ label: '南宁市' })
  await admin.getByRole('button', { name: '创建单位' }).click()
  await expect(admin.getByRole('status')).toHaveText(`已创建单位“${unitName}”。`)
  await expect(admin.getByRole('row', { name: new RegExp(unitName) })).toContainText('市级')

  await admin.getByLabel('地区').selectOption({ label: '南宁市' })
  await admin.getByLabel('类别').selectOption({ label: '意见建议' })
  await admin.getByLabel('主办单位').selectOption({ label: unitName })
  await admin.getByRole('button', { name: '保存责任清单' }).click()
  await expect(admin.getByRole('status')).toHaveText(
    `已设置：南宁市的意见建议由“${unitName}”主办。`,
  )

  const { ticket } = await reportByNewOwner(request, {
    title: '建议政务大厅中午不休息',
    divisionCode: '450103',
    category: 'suggestion',
  })
  const desk = await signInAs(browser, baseURL, 'desk.nanning')
  await openTicket(desk, ticket)
  await act(desk, '受理')
  await act(desk, '分派', async (page) => {
    const lead = page.getByLabel('主办单位')
    await expect(lead.locator('optgroup[label="职责清单建议"] option').first()).toHaveText(
      `${unitName}（责任清单主办单位）`,
    )
    await lead.selectOption({ label: unitName })
  })
})

test('the region office adds a holiday in a year the holiday package does not cover, and sees it listed', async ({
  browser,
  baseURL,
}) => {
  const office = await signInAs(browser, baseURL, 'office.region')
  await office.getByRole('link', { name: '节假日调整' }).click()
  await office.getByLabel('年度').fill('2030')
  await expect(office.getByText('2030 年不在节假日数据包中')).toBeVisible()
  await office.getByLabel('日期').fill('2030-02-04')
  await office.getByLabel('说明（选填）').fill('春节')
  await office.getByRole('button', { name: '添加调整' }).click()
  await expect(office.getByRole('status')).toHaveText('已将 2030-02-04 调整为放假。')
  const row = office.getByRole('row', { name: /2030-02-04/ })
  await expect(row).toContainText('放假')
  await expect(row).toContainText('办公室调整')
  await expect(row).toContainText('春节')
})
