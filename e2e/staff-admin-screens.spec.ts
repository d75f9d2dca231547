import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './axe'
import { signInAs } from './staff-fixtures'

/** Opens a console screen from the navigation and waits for its title. */
async function open(page: Page, screen: string): Promise<void> {
  await page.getByRole('link', { name: screen, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1, name: screen })).toBeVisible()
}

// Every admin screen, list first and then with its create form open, passes axe (issue 17): the
// journeys that create things check their own screens too; this one leaves none out.
test('every admin screen opens list first, and passes axe with its create form open', async ({
  browser,
  baseURL,
}) => {
  test.slow()
  const admin = await signInAs(browser, baseURL, 'admin')

  const lists: [screen: string, list: RegExp, create?: string][] = [
    ['服务网点', /^服务网点（\d+）$/, '新建服务网点'],
    ['人员账号', /^人员账号（\d+）$/, '新建人员账号'],
    ['单位与责任清单', /^承办单位（\d+）$/, '新建承办单位'],
  ]
  for (const [screen, list, create] of lists) {
    await open(admin, screen)
    const table = admin.getByRole('table', { name: list })
    await expect(table).toBeVisible()
    await expectAccessible(admin, screen)
    if (create === undefined) continue
    // The form waits behind its button, after the list.
    await expect(admin.getByRole('form', { name: create })).toHaveCount(0)
    const button = admin.getByRole('button', { name: create })
    expect(
      await table.evaluate(
        (list, after) => Boolean(list.compareDocumentPosition(after) & 4),
        await button.elementHandle(),
      ),
    ).toBe(true)
    await button.click()
    await expect(admin.getByRole('form', { name: create })).toBeVisible()
    await expectAccessible(admin, `${screen} with the create form`)
  }

  for (const screen of ['节假日调整', '经营主体服务码', '短信与推送', '登录与查询锁定']) {
    await open(admin, screen)
    await expectAccessible(admin, screen)
  }
})
