import { createHash } from 'node:crypto'
import { expect, test } from '@playwright/test'
import { REPORT_FRAME_SCRIPTS_META } from '../mock-api/shared/report-frame-loader'
import { waitForServiceWorker } from './fixtures'
import { fetchWindowCode, type WindowCode } from './window-code.mjs'

const DRAFT_URL = /\/drafts\/[0-9a-f-]{36}$/

let code: WindowCode
test.beforeAll(async ({ baseURL }) => {
  code = await fetchWindowCode(baseURL ?? '')
})

test('a window code’s link paints the report form’s frame from the HTML, online and offline, and hydrates it', async ({
  page,
  context,
}) => {
  // Hydrating the frame must not fall back to drawing it again (React says so on the console).
  const consoleErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => consoleErrors.push(error.message))

  // The frame is in the HTML the server sends, before any script runs.
  const link = new URL(code.link).pathname
  const served = await page.request.get(link, { headers: { accept: 'text/html' } })
  const html = await served.text()
  expect(html).toContain('data-prerendered="report-frame"')
  expect(html).toContain('<h1 class="gs-screen-title">填写反映</h1>')
  expect(html).toContain('能当场答复的当场答复，否则3个工作日内办结')
  // …and it names no script for the browser to fetch while it parses: a script, modulepreload
  // or prefetch link starts its request before the first paint, and Lighthouse's simulation
  // puts it on that paint's path (LCP). One inline loader asks for them once the frame has
  // painted (mock-api/shared/report-frame-loader.ts); the page's policy allows it by its hash.
  expect(html).not.toMatch(/<script[^>]*src=/)
  expect(html).not.toMatch(/rel="(modulepreload|prefetch)"|as="script"/)
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] ?? '')
  expect(inline).toHaveLength(1)
  // …last in the body, after the frame's markup: the animation frame it waits for paints the
  // frame (in the head, it could catch a first paint of the background alone).
  expect(html).toMatch(/<\/main>[\s\S]*<script>[\s\S]*?<\/script><\/body>/)
  const loaderHash = createHash('sha256')
    .update(inline[0] ?? '')
    .digest('base64')
  expect(served.headers()['content-security-policy']).toContain(`'sha256-${loaderHash}'`)

  const scripts: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  await page.goto(link)
  await expect(page).toHaveURL(DRAFT_URL)
  await expect(page.getByText(`来自窗口码：${code.name}`)).toBeVisible()
  await page.waitForLoadState('networkidle')
  // Until the owner edits, the form runs without zod and the contract's schemas (30 KB, and a
  // long task on a slow phone): the window code's check and the remembered profile are read
  // without them, and the draft's check loads with the first edit.
  expect(scripts.filter((path) => /\/assets\/(zod|contract)-/.test(path))).toEqual([])
  expect(scripts.some((path) => /\/assets\/report-form-/.test(path))).toBe(true)
  // The loader asked for every script and stylesheet its meta names: the entry and the vendor
  // chunks first, the form's chunks once those were in (the link is the bottleneck; the vendor
  // chunk's start-up work then runs while the rest comes in).
  const loaded = await page.evaluate((metaName) => {
    const content = document.querySelector<HTMLMetaElement>(`meta[name="${metaName}"]`)?.content
    const [first = [], then = []] = (content ?? '|')
      .split('|')
      .map((part) => part.trim().split(' ').filter(Boolean))
    const timing = (path: string) =>
      performance
        .getEntriesByType('resource')
        .find((entry) => new URL(entry.name).pathname === path) as
        PerformanceResourceTiming | undefined
    return {
      first: first.length,
      then: then.length,
      missing: [...first, ...then].filter((path) => !timing(path)),
      vendorIn: Math.max(...first.slice(1).map((path) => timing(path)?.responseEnd ?? Infinity)),
      formAskedFor: Math.min(...then.map((path) => timing(path)?.startTime ?? -Infinity)),
    }
  }, REPORT_FRAME_SCRIPTS_META)
  expect(loaded.first).toBeGreaterThanOrEqual(2)
  expect(loaded.then).toBeGreaterThanOrEqual(3)
  expect(loaded.missing).toEqual([])
  expect(loaded.formAskedFor).toBeGreaterThanOrEqual(loaded.vendorIn)
  // The vendor chunk opens with V8's compile hint (vite.config.ts): its functions compile while
  // it streams in, not one by one on the main thread as they first run.
  const vendor = /\/assets\/react-[\w-]+\.js/.exec(html)?.[0]
  expect(vendor).toBeTruthy()
  const vendorText = await (await page.request.get(vendor ?? '')).text()
  expect(vendorText.startsWith('//# allFunctionsCalledOnLoad\n')).toBe(true)
  await page.getByLabel('标题').fill('门店招牌审批太慢')
  await expect.poll(() => scripts.some((path) => /\/assets\/zod-/.test(path))).toBe(true)
  await expect(page.getByText('已自动保存在这部手机上')).toBeVisible()
  expect(consoleErrors).toEqual([])

  // Offline, the service worker answers a window code's link with the same frame.
  await waitForServiceWorker(page)
  await context.setOffline(true)
  const answer = await page.goto(link)
  expect(answer?.fromServiceWorker()).toBe(true)
  expect(await answer?.text()).toContain('data-prerendered="report-frame"')
  await expect(page).toHaveURL(DRAFT_URL)
  await expect(page.getByRole('heading', { level: 1, name: '填写反映' })).toBeVisible()
  await expect(page.getByLabel('标题')).toHaveValue('')
  expect(consoleErrors).toEqual([])
})
