import { randomInt, randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { E2E_LOG } from './places.mjs'
import type { Owner } from './staff-fixtures'
import { ownerPhone, statusOf } from './tickets-fixtures'

// Another phone: anyone with the receipt finds the ticket by number and code; the owner's second
// phone links to all their tickets with a one-time code sent to the contact phone (in development
// the code is written to the server log, which e2e/serve.mjs keeps in E2E_LOG).

const SERVER_LOG = process.env.E2E_SERVER_LOG ?? E2E_LOG

async function report(request: APIRequestContext, owner: Owner, title: string, phone: string) {
  const response = await request.post('/api/reports', {
    headers: owner.auth,
    data: {
      id: randomUUID(),
      category: 'help',
      title,
      description: `${title}，请尽快帮助解决。`,
      business: {
        name: '南宁市青秀区测试商行',
        creditCode: '92450103MA5L000000',
        kind: 'individual',
        creditCodeConfirmed: true,
      },
      contact: { name: '黄先生', phone },
      divisionCode: '450100',
    },
  })
  expect(response.status()).toBe(201)
  return (await response.json()) as { id: string; number: string; code: string }
}

function linkCodeFromLog(maskedPhone: string): string | null {
  let log: string
  try {
    log = readFileSync(SERVER_LOG, 'utf8')
  } catch {
    return null
  }
  const codes = [...log.matchAll(/\[link code\] (\S+) → (\d{6})/g)].filter(
    (match) => match[1] === maskedPhone,
  )
  return codes.at(-1)?.[2] ?? null
}

test('another phone finds the ticket by number and code, then links to all my tickets', async ({
  page,
  browser,
  baseURL,
}) => {
  const phone = `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`
  const owner = await ownerPhone(page)
  const ticket = await report(page.request, owner, '农贸市场摊位费收费标准咨询', phone)

  const other = await browser.newContext({ baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
  const second = await other.newPage()
  await second.goto('/lookup')
  await second.getByLabel('工单号').fill(ticket.number)
  await second.getByLabel('验证码').fill('WRONG1')
  await second.getByRole('button', { name: '查询' }).click()
  await expect(second.getByRole('alert')).toHaveText('工单号或验证码不正确。')
  await second.getByLabel('验证码').fill(ticket.code.toLowerCase())
  await second.getByRole('button', { name: '查询' }).click()
  await expect(second.getByRole('heading', { name: '农贸市场摊位费收费标准咨询' })).toBeVisible()
  await expect(statusOf(second)).toHaveText('待受理')

  await second.goto('/tickets/link')
  await second.getByLabel('联系电话').fill(phone)
  await second.getByRole('button', { name: '发送验证码' }).click()
  await expect(second.getByText(/验证码已发送/)).toBeVisible()
  const masked = `${phone.slice(0, 3)}****${phone.slice(-4)}`
  await expect.poll(() => linkCodeFromLog(masked)).not.toBeNull()
  await second.getByLabel('验证码（6 位数字）').fill(linkCodeFromLog(masked) ?? '')
  await second.getByRole('button', { name: '关联', exact: true }).click()
  await expect(second.getByText('已关联，这部手机现在可以查看 1 张工单。')).toBeVisible()

  await second.goto('/tickets')
  await expect(second.getByRole('link', { name: /农贸市场摊位费收费标准咨询/ })).toBeVisible()
  await other.close()
})
