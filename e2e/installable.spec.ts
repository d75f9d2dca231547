import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, expect, test } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs'
import { waitForServiceWorker } from './fixtures'

// Lighthouse 12 has no PWA category; Chromium's own installability check is the test. It needs a
// persistent profile: a normal Playwright context reports 'in-incognito'.
test('Chromium finds the app installable', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'guishang-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    baseURL,
  })
  try {
    const page = await context.newPage()
    await page.goto('/')
    await waitForServiceWorker(page)
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
      installabilityErrors: { errorId: string }[]
    }
    expect(installabilityErrors).toEqual([])

    const manifest = await (await page.request.get('/manifest.webmanifest')).json()
    expect(manifest).toMatchObject({
      name: '桂商码 · 反映问题',
      short_name: '桂商码',
      lang: 'zh-CN',
      display: 'standalone',
      start_url: '/',
    })
    expect(manifest.icons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sizes: '192x192' }),
        expect.objectContaining({ sizes: '512x512', purpose: 'maskable' }),
      ]),
    )
  } finally {
    await context.close()
    rmSync(profile, { recursive: true, force: true })
  }
})

test('an older owner turns on large text and gets bigger text and bigger buttons', async ({
  page,
}) => {
  await page.goto('/')
  const scanLink = page.getByRole('link', { name: /扫码反映/ })
  const intro = page.getByText(/都可以在这里反映/)
  const before = {
    text: await intro.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    link: (await scanLink.boundingBox())?.height ?? 0,
  }

  await page.getByRole('switch', { name: '大字模式' }).click()
  await expect(page.getByRole('switch', { name: '大字模式' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  const after = {
    text: await intro.evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    link: (await scanLink.boundingBox())?.height ?? 0,
  }
  expect(after.text).toBeGreaterThanOrEqual(before.text * 1.2)
  expect(after.link).toBeGreaterThan(before.link)
  const smallestTarget = await page
    .locator('a, button')
    .evaluateAll((els) =>
      Math.min(
        ...els.filter((el) => el.checkVisibility()).map((el) => el.getBoundingClientRect().height),
      ),
    )
  expect(smallestTarget).toBeGreaterThanOrEqual(56)

  await page.reload()
  await expect(page.getByRole('switch', { name: '大字模式' })).toHaveAttribute(
    'aria-checked',
    'true',
  )
  expect(await intro.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBe(after.text)
})
