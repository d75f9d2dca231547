import { readFile } from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe'
import { reportByNewOwner, signInAs } from './staff-fixtures'

// Issue 17: the office's statistics, as a clerk uses them: the chart, the table, the CSV.
test('an office reads its statistics as a chart and a table and downloads them as CSV', async ({
  browser,
  baseURL,
  request,
}) => {
  await reportByNewOwner(request, { title: '年报填报系统打不开', divisionCode: '450103' })
  const office = await signInAs(browser, baseURL, 'office.nanning')
  await office.getByRole('link', { name: '运用统计' }).click()

  const chart = office.getByRole('img', { name: '各项比率图' })
  await expect(chart).toBeVisible()
  await expect(chart.locator('canvas, svg').first()).toBeVisible()
  const table = office.getByRole('table', { name: '按类别' })
  const help = table.getByRole('row', { name: /求助/ })
  await expect(help).toBeVisible()
  const total = table.getByRole('row', { name: /合计/ })
  expect(Number(await total.getByRole('cell').first().textContent())).toBeGreaterThan(0)
  await expectAccessible(office, 'statistics')

  // By city: a city office sees its own city only, and is offered no other.
  await expect(office.getByRole('combobox', { name: '城市' })).toHaveCount(0)
  await expect(office.locator('.gs-staff-filter-fixed')).toHaveText('城市南宁市')
  await office.getByLabel('分组').selectOption('city')
  await expect(office.getByRole('table', { name: '按城市' })).toContainText('南宁市')

  // Months are picked from a list; a period without tickets says so instead of an empty chart.
  await office.getByLabel('起始月份').selectOption({ label: '2024年1月' })
  await office.getByLabel('截止月份').selectOption({ label: '2024年1月' })
  await expect(office.getByText('暂无数据：所选条件下没有工单。')).toBeVisible()
  await expect(chart).toHaveCount(0)
  await office.getByLabel('起始月份').selectOption({ label: '不限' })
  await office.getByLabel('截止月份').selectOption({ label: '不限' })

  const [download] = await Promise.all([
    office.waitForEvent('download'),
    office.getByRole('link', { name: '导出 CSV' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const csv = await readFile(await download.path(), 'utf8')
  expect(csv.charCodeAt(0)).toBe(0xfeff)
  expect(csv).toContain('南宁市')
  expect(csv).not.toContain('柳州市')
})
