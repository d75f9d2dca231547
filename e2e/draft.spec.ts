import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, test, type Page } from '@playwright/test'
import sharp from 'sharp'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs'

const DRAFT_URL = /\/drafts\/[0-9a-f-]{36}$/

const TYPED = {
  title: '食品经营许可证延续办理慢',
  description: '三月初在窗口提交了延续申请，至今没有结果，也没有人告知缺什么材料。',
  business: '南宁市青秀区好味道餐饮店',
  creditCode: '91450103MA5KB1234X',
  contact: '李明',
  phone: '13800138000',
}

async function photo(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: '#4477aa' } })
    .jpeg()
    .toBuffer()
}

/** Fills every part of the form, the photo first (it takes longest), the last field typed last. */
async function fillDraft(page: Page) {
  await page.getByLabel('从相册选择照片').setInputFiles({
    name: 'IMG_0001.jpg',
    mimeType: 'image/jpeg',
    buffer: await photo(),
  })
  await expect(page.getByRole('img', { name: '第 1 张照片' })).toBeVisible()
  await page.getByRole('radio', { name: /投诉/ }).check()
  await page.getByLabel('标题').fill(TYPED.title)
  await page.getByLabel('详细情况').fill(TYPED.description)
  await page.getByLabel('所在城市').selectOption({ label: '南宁市' })
  await page.getByLabel('区县（可不选）').selectOption({ label: '青秀区' })
  await page.getByLabel('主体名称').fill(TYPED.business)
  await page.getByLabel('统一社会信用代码').fill(TYPED.creditCode)
  await page.getByRole('radio', { name: '个体工商户' }).check()
  await page.getByLabel('姓名').fill(TYPED.contact)
  await page.getByLabel('保密反映').check()
  await page.getByLabel('联系电话').fill(TYPED.phone)
  await expect(page.getByText('已自动保存在这部手机上')).toBeVisible()
}

async function expectEverythingKept(page: Page) {
  await expect(page.getByLabel('标题')).toHaveValue(TYPED.title)
  await expect(page.getByLabel('详细情况')).toHaveValue(TYPED.description)
  await expect(page.getByRole('radio', { name: /投诉/ })).toBeChecked()
  await expect(page.getByRole('img', { name: '第 1 张照片' })).toBeVisible()
  await expect(page.getByLabel('所在城市')).toHaveValue('450100')
  await expect(page.getByLabel('区县（可不选）')).toHaveValue('450103')
  await expect(page.getByLabel('主体名称')).toHaveValue(TYPED.business)
  await expect(page.getByLabel('统一社会信用代码')).toHaveValue(TYPED.creditCode)
  await expect(page.getByRole('radio', { name: '个体工商户' })).toBeChecked()
  await expect(page.getByLabel('姓名')).toHaveValue(TYPED.contact)
  await expect(page.getByLabel('联系电话')).toHaveValue(TYPED.phone)
  await expect(page.getByLabel('保密反映')).toBeChecked()
}

test('a draft written without a code survives a reload, a closed tab and a new page', async ({
  page,
  context,
}) => {
  await page.goto('/')
  await page.getByRole('link', { name: /无码反映/ }).click()
  await expect(page).toHaveURL(DRAFT_URL)
  await fillDraft(page)

  await page.reload()
  await expectEverythingKept(page)

  await page.close()
  const next = await context.newPage()
  await next.goto('/drafts')
  await next.getByRole('link', { name: new RegExp(TYPED.title) }).click()
  await expect(next).toHaveURL(DRAFT_URL)
  await expectEverythingKept(next)
})

/** The browser's main process (our own, found by its unique profile folder), by id. */
function browserPid(profile: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let args: string[]
    try {
      args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0')
    } catch {
      continue
    }
    const isOurs = args.includes(`--user-data-dir=${profile}`)
    if (isOurs && !args.some((arg) => arg.startsWith('--type='))) return Number(entry)
  }
  throw new Error(`no browser runs with the profile ${profile}`)
}

test('a killed browser loses nothing that was saved', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'guishang-profile-'))
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      baseURL,
      locale: 'zh-CN',
      viewport: { width: 360, height: 740 },
    })
  try {
    const first = await launch()
    const page = await first.newPage()
    await page.goto('/drafts/new')
    await expect(page).toHaveURL(DRAFT_URL)
    const draftUrl = page.url()
    await fillDraft(page)

    // No unload, no pagehide, no chance to flush: the process is gone at once.
    const closed = new Promise((resolve) => first.once('close', resolve))
    process.kill(browserPid(profile), 'SIGKILL')
    await closed

    const second = await launch()
    try {
      const reopened = second.pages()[0] ?? (await second.newPage())
      await reopened.goto(draftUrl)
      await expectEverythingKept(reopened)
    } finally {
      await second.close()
    }
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
})
