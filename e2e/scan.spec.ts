import { chromium, expect, test, type Page } from '@playwright/test'
import { qrPng } from '../mock-api/routes/qr-image'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs'
import {
  fakeCameraArgs,
  fetchWindowCode,
  forgedLink,
  writeFakeCameraVideo,
  type WindowCode,
} from './window-code.mjs'

const DRAFT_URL = /\/drafts\/[0-9a-f-]{36}$/

let code: WindowCode
test.beforeAll(async ({ baseURL }) => {
  code = await fetchWindowCode(baseURL ?? '')
})

// Opening the camera and the first decode take seconds when the machine running the tests is busy.
const DECODE_TIMEOUT = 30_000

async function expectWindowFilledIn(page: Page) {
  await expect(page).toHaveURL(DRAFT_URL, { timeout: DECODE_TIMEOUT })
  await expect(page.getByText(`来自窗口码：${code.name}`)).toBeVisible()
  await expect(page.getByText('所在地区：南宁市')).toBeVisible()
}

test('scanning a window code with the camera opens a new draft with the window filled in', async ({
  baseURL,
}, testInfo) => {
  // The fake camera plays the code the API renders for printing, as a phone held at the poster.
  const video = testInfo.outputPath('window-code.y4m')
  await writeFakeCameraVideo(video, code.png)
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(video)],
  })
  try {
    const context = await browser.newContext({
      baseURL,
      locale: 'zh-CN',
      viewport: { width: 360, height: 740 },
      permissions: ['camera'],
    })
    const page = await context.newPage()
    const scripts: Promise<string>[] = []
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return
      scripts.push(response.text().catch(() => ''))
    })
    const hasScanner = async (bodies: Promise<string>[]) =>
      (await Promise.all(bodies)).some((body) => body.includes('html5-qrcode'))

    await page.goto('/')
    await page.waitForLoadState('networkidle')
    expect(await hasScanner(scripts.splice(0))).toBe(false)
    await page.getByRole('link', { name: /扫码反映/ }).click()
    await expect(page.getByRole('heading', { level: 1, name: '扫码反映' })).toBeVisible()

    await expectWindowFilledIn(page)
    // The decoder came with the scan screen, not before it.
    expect(await hasScanner(scripts)).toBe(true)
    // The scan screen was replaced: Back leads home, not into the camera again.
    await page.goBack()
    await expect(page.getByRole('heading', { level: 1, name: '反映问题' })).toBeVisible()
    await page.goForward()

    // The window is stored with the draft, not only shown.
    await page.reload()
    await expectWindowFilledIn(page)
  } finally {
    await browser.close()
  }
})

test('without a camera, a photo of the code from the gallery opens the draft', async ({ page }) => {
  // Playwright's Chromium has no camera here: the screen says so and points to the gallery.
  await page.goto('/scan')
  await expect(page.getByRole('alert')).toContainText('从相册选择桂商码的照片')

  await page.getByLabel('从相册选择', { exact: true }).setInputFiles({
    name: 'guishang-code.png',
    mimeType: 'image/png',
    buffer: code.png,
  })
  await expectWindowFilledIn(page)
})

// The API's PNG of this link is one that html5-qrcode's finder-pattern search misses (about one
// link in ten is), so only the app's second reading, as a pure barcode, opens the draft. Its
// token is not one the server signed: only the reading is under test here.
const LINK_MISSED_BY_FINDER =
  'http://localhost:4173/q/2PFpl-0JyUVRDVtfcoR_6IBH27dqu2Xb9kQPPfVnv_quX7H_meU'

test('a saved image of the code is read even where the finder-pattern search misses it', async ({
  page,
}) => {
  await page.goto('/scan')
  await expect(page.getByRole('alert')).toContainText('从相册选择桂商码的照片')

  await page.getByLabel('从相册选择', { exact: true }).setInputFiles({
    name: 'saved-code.png',
    mimeType: 'image/png',
    buffer: await qrPng(LINK_MISSED_BY_FINDER, { asQrcodeDraws: true }),
  })
  await expect(page).toHaveURL(DRAFT_URL, { timeout: DECODE_TIMEOUT })
  await expect(page.getByRole('alert')).toHaveText('无法识别的桂商码。请手动选择所在城市和区县。')
})

test('a forged code is explained, and the owner chooses the city and county by hand', async ({
  page,
}) => {
  // Opened as the phone's own camera opens a link: straight to /q/<token>.
  const forged = new URL(forgedLink(code.link))
  await page.goto(forged.pathname)
  await expect(page).toHaveURL(DRAFT_URL)
  await expect(page.getByRole('alert')).toHaveText('无法识别的桂商码。请手动选择所在城市和区县。')
  await expect(page.getByText(/来自窗口码/)).toBeHidden()

  await page.getByLabel('所在城市').selectOption({ label: '柳州市' })
  await page.getByLabel('区县（可不选）').selectOption({ label: '柳南区' })
  await expect(page.getByText('已自动保存在这部手机上')).toBeVisible()

  await page.reload()
  await expect(page.getByLabel('所在城市')).toHaveValue('450200')
  await expect(page.getByLabel('区县（可不选）')).toHaveValue('450204')
  await expect(page.getByText(/来自窗口码/)).toBeHidden()
})
