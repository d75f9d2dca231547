// Helpers for the staff journeys: an owner's device driven through the API (the owner app has its
// own journeys), and one browser context per staff member, signed in through the console.
import { randomUUID } from 'node:crypto'
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test'

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'guishang-demo'

export type Owner = { credential: string; auth: { authorization: string } }
export type SentReport = { id: string; number: string }

export async function newOwner(request: APIRequestContext): Promise<Owner> {
  const response = await request.post('/api/devices')
  expect(response.status()).toBe(201)
  const { credential } = (await response.json()) as { credential: string }
  return { credential, auth: { authorization: `Bearer ${credential}` } }
}

type ReportFacts = { title: string; divisionCode: string; category?: string; description?: string }

/** Sends a report as the owner's phone would; the ticket starts at the division's desk. */
export async function sendReport(
  request: APIRequestContext,
  owner: Owner,
  facts: ReportFacts,
): Promise<SentReport> {
  const response = await request.post('/api/reports', {
    headers: owner.auth,
    data: {
      id: randomUUID(),
      category: facts.category ?? 'help',
      title: facts.title,
      description: facts.description ?? `${facts.title}，请尽快帮助解决。`,
      business: {
        name: '南宁市青秀区测试商行',
        creditCode: '92450103MA5L000000',
        kind: 'individual',
        creditCodeConfirmed: true,
      },
      contact: { name: '黄先生', phone: '13800001234' },
      divisionCode: facts.divisionCode,
    },
  })
  expect(response.status()).toBe(201)
  const ticket = (await response.json()) as SentReport
  return { id: ticket.id, number: ticket.number }
}

/** A new owner's phone and the report it sends: where most staff journeys start. */
export async function reportByNewOwner(
  request: APIRequestContext,
  facts: ReportFacts,
): Promise<{ owner: Owner; ticket: SentReport }> {
  const owner = await newOwner(request)
  return { owner, ticket: await sendReport(request, owner, facts) }
}

/** A fresh browser context for one staff member, signed in through the console's form. */
export async function signInAs(
  browser: Browser,
  baseURL: string | undefined,
  username: string,
  password: string = DEMO_PASSWORD,
  /** Runs on the sign-in page before signing in (an accessibility check, say). */
  onSignInPage?: (page: Page) => Promise<void>,
): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
    // The console needs no offline cache; skipping the worker's precache keeps each sign-in light.
    serviceWorkers: 'block',
  })
  const page = await context.newPage()
  await page.goto('/staff')
  if (onSignInPage) {
    await expect(page.getByLabel('用户名')).toBeVisible()
    await onSignInPage(page)
  }
  await page.getByLabel('用户名').fill(username)
  await page.getByLabel('密码').fill(password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()
  return page
}

export async function openTicket(page: Page, ticket: SentReport): Promise<void> {
  await page.goto(`/staff/tickets/${ticket.id}`)
  await expect(
    page.getByRole('heading', { level: 1, name: new RegExp(ticket.number) }),
  ).toBeVisible()
}

/** The console's actions that cannot be undone: each asks once more, naming its consequence. */
const DESTRUCTIVE_ACTIONS = ['不予受理', '退回（分派有误）', '退回重新答复', '终结办理']

/**
 * Presses an action button; with `fill`, fills the form it opens and confirms it (and, for a
 * destructive action, confirms the dialog that names its consequence).
 */
export async function act(
  page: Page,
  action: string,
  fill?: (page: Page) => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: action, exact: true }).click()
  if (fill) {
    await fill(page)
    await page.getByRole('button', { name: `确认${action}` }).click()
    if (DESTRUCTIVE_ACTIONS.includes(action)) {
      await page.getByRole('alertdialog').getByRole('button', { name: action }).click()
    }
  }
  await expect(page.getByRole('status')).toHaveText(`已${action}。`)
}

export async function expectStatus(page: Page, status: string): Promise<void> {
  await expect(page.locator('.gs-staff-facts dd').first()).toHaveText(status)
}

/**
 * A date the calendar surely counts as a working day, a week or more after `day`: a Tuesday to
 * Thursday outside the weeks that hold China's public holidays.
 */
export function aWorkingDayAfter(day: string): string {
  const HOLIDAY_SEASONS = [
    /-01-0[1-4]$/,
    /-0[12]-\d\d$/,
    /-04-0[1-8]$/,
    /-05-0[1-7]$/,
    /-06-/,
    /-09-[23]\d$/,
    /-10-0\d$/,
  ]
  const date = new Date(`${day}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + 7)
  for (;;) {
    const iso = date.toISOString().slice(0, 10)
    const weekday = date.getUTCDay()
    if (weekday >= 2 && weekday <= 4 && !HOLIDAY_SEASONS.some((season) => season.test(iso))) {
      return iso
    }
    date.setUTCDate(date.getUTCDate() + 1)
  }
}
