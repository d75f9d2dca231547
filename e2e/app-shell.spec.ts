import { expect, test } from '@playwright/test'
import { waitForServiceWorker, writeDraft } from './fixtures'

test('the app loads, works offline after the first visit, and keeps a draft across reloads', async ({
  page,
  context,
}) => {
  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  // Hydrating the prerendered home must not fall back to drawing it again (React says so on
  // the console: a mismatch, or a recoverable error).
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))

  // The home screen is in the HTML the server sends, before any script runs.
  const html = await (await page.request.get('/', { headers: { accept: 'text/html' } })).text()
  expect(html).toContain('<h1 class="gs-screen-title">反映问题</h1>')
  expect(html).not.toContain('rel="modulepreload"')
  // …and asks for its one script at low priority (vite-prerender.ts says why).
  expect(html).toMatch(/<script type="module" fetchpriority="low" crossorigin src="\/assets\//)

  await page.goto('/')
  await expect(page.getByRole('heading', { level: 1, name: '反映问题' })).toBeVisible()
  // Hydrated: the switch answers a click (a prerendered button alone would not).
  const largeText = page.getByRole('switch', { name: '大字模式' })
  await largeText.click()
  await expect(largeText).toHaveAttribute('aria-checked', 'true')
  await largeText.click()
  await expect(largeText).toHaveAttribute('aria-checked', 'false')
  expect(consoleErrors).toEqual([])
  await expect(page.getByRole('link', { name: /扫码反映/ })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  // The scanner library and the staff console are lazy: the home screen never asks for them.
  expect(scripts.filter((path) => /html5-qrcode|scanner|staff/i.test(path))).toEqual([])
  // …nor the console's strings: they load with the console (features/staff/common/locales).
  for (const path of scripts) {
    expect(await (await page.request.get(path)).text(), path).not.toContain('工作台导航')
  }

  await waitForServiceWorker(page)
  await writeDraft(page, '门店招牌审批太慢', '提交材料两周没有回复。')
  const draftUrl = page.url()

  await context.setOffline(true)
  await page.reload()
  await expect(page.getByText(/当前离线/)).toBeVisible()
  await expect(page.getByLabel('标题')).toHaveValue('门店招牌审批太慢')
  await expect(page.getByLabel('详细情况')).toHaveValue('提交材料两周没有回复。')

  // A screen never opened before also comes from the precache while offline.
  await page.goto('/drafts')
  await expect(page.getByRole('heading', { level: 1, name: '草稿' })).toBeVisible()
  await expect(page.getByText('门店招牌审批太慢')).toBeVisible()
  await page.goto(draftUrl)
  await expect(page.getByLabel('标题')).toHaveValue('门店招牌审批太慢')

  await context.setOffline(false)
  const health = await page.request.get('/api/health')
  expect(await health.json()).toEqual({ ok: true })
})
