import { expect, test, type Page } from '@playwright/test'
import { reportByNewOwner, signInAs } from './staff-fixtures'

const USERNAME = `desk.lz${Date.now() % 100_000}`
const PASSWORD = 'liuzhou-desk-first-password'

async function openAccounts(admin: Page): Promise<void> {
  await admin.getByRole('link', { name: '人员账号' }).click()
  await expect(admin.getByRole('heading', { level: 1, name: '人员账号' })).toBeVisible()
}

test('an admin’s new Liuzhou desk works its queue until the admin disables it', async ({
  browser,
  baseURL,
  request,
}) => {
  const { ticket } = await reportByNewOwner(request, {
    title: '城中区小店申请临时占道经营',
    divisionCode: '450202',
  })

  const admin = await signInAs(browser, baseURL, 'admin')
  await openAccounts(admin)
  // The list comes first; the create form waits behind its button.
  await admin.getByRole('button', { name: '新建人员账号' }).click()
  const form = admin.getByRole('form', { name: '新建人员账号' })
  await form.getByLabel('用户名').fill(USERNAME)
  await form.getByLabel('姓名或岗位').fill('柳州市专席（新）')
  await form.getByLabel('角色').selectOption({ label: '专席' })
  await form.getByLabel('所属地区').selectOption({ label: '柳州市' })
  await form.getByLabel('初始密码（至少 12 个字符）').fill(PASSWORD)
  await form.getByRole('button', { name: '创建账号' }).click()
  await expect(admin.getByRole('status')).toHaveText(
    `已创建账号“${USERNAME}”，请把初始密码当面交给本人。`,
  )
  await expect(admin.getByRole('row', { name: new RegExp(USERNAME) })).toContainText('柳州市')
  await admin.getByRole('button', { name: '退出登录' }).click()
  await expect(admin.getByRole('button', { name: '登录' })).toBeVisible()

  const desk = await signInAs(browser, baseURL, USERNAME, PASSWORD)
  await expect(desk.getByRole('heading', { level: 1, name: '待办工单' })).toBeVisible()
  await expect(desk.locator('.gs-staff-who')).toHaveText('柳州市专席（新）')
  await expect(desk.getByRole('link', { name: ticket.number })).toBeVisible()

  const again = await signInAs(browser, baseURL, 'admin')
  await openAccounts(again)
  await again.getByRole('button', { name: `停用“${USERNAME}”` }).click()
  await again
    .getByRole('alertdialog', { name: `停用“${USERNAME}”？` })
    .getByRole('button', { name: '停用' })
    .click()
  await expect(again.getByRole('status')).toHaveText(`已停用“${USERNAME}”，其登录已全部失效。`)
  await expect(again.getByRole('row', { name: new RegExp(USERNAME) })).toContainText('已停用')

  // The desk's session has ended: a reload lands on the sign-in form, which now refuses it.
  await desk.reload()
  await expect(desk.getByRole('button', { name: '登录' })).toBeVisible()
  await desk.getByLabel('用户名').fill(USERNAME)
  await desk.getByLabel('密码').fill(PASSWORD)
  await desk.getByRole('button', { name: '登录' }).click()
  await expect(desk.getByRole('alert')).toHaveText('此账号已停用，请联系管理员。')
})
