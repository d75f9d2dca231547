import { chromium, expect, test } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs'
import { signInAs } from './staff-fixtures'
import {
  fakeCameraArgs,
  fetchWindowCode,
  readCodeImage,
  writeFakeCameraVideo,
} from './window-code.mjs'

const HALL = '兴宁区政务服务中心'
const WINDOW = `${Date.now() % 1000}号窗口`
const NAME = `${HALL} ${WINDOW}`

test('a new service point’s poster code opens a draft for that window, and the report reaches its desk', async ({
  browser,
  baseURL,
}, testInfo) => {
  test.slow()
  const admin = await signInAs(browser, baseURL, 'admin')
  await expect(admin.getByRole('heading', { level: 1, name: '服务网点' })).toBeVisible()
  // The list comes first; the create form waits behind its button.
  await admin.getByRole('button', { name: '新建服务网点' }).click()
  await admin.getByLabel('政务服务中心（大厅）').fill(HALL)
  await admin.getByLabel('窗口', { exact: true }).fill(WINDOW)
  await admin.getByLabel('所在地').selectOption({ label: '南宁市 兴宁区' })
  await admin.getByRole('button', { name: '创建' }).click()
  await expect(admin.getByRole('status')).toHaveText(`已创建“${NAME}”。`)
  await expect(admin.getByRole('row', { name: new RegExp(NAME) })).toContainText('南宁市专席')

  // The A4 poster: the window's name, short instructions in Chinese and the code.
  const [poster] = await Promise.all([
    admin.waitForEvent('popup'),
    admin.getByRole('link', { name: `打印海报：${NAME}` }).click(),
  ])
  await expect(poster.getByRole('heading', { name: '扫码反映问题' })).toBeVisible()
  await expect(poster.getByText(WINDOW, { exact: true })).toBeVisible()
  await expect(poster.getByText(/扫描上方二维码/)).toBeVisible()
  const code = poster.getByRole('img', { name: new RegExp(NAME) })
  await expect(code).toBeVisible()
  // An <img> is visible at its set size before its SVG arrives; film it only once drawn (the
  // server takes a moment to pick a readable mask for a new code).
  await expect
    .poll(() => code.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
    .toBe(true)
  // The poster shows this window's code: read from a screenshot once drawn (loaded is not yet
  // painted), as an image holding the code and nothing else.
  const pointId = new URL(poster.url()).pathname.split('/').at(-2) ?? ''
  const printed = await fetchWindowCode(baseURL ?? '', { pointId })
  await expect
    .poll(async () => readCodeImage(await code.screenshot()), { timeout: 15_000 })
    .toBe(printed.link)

  // Under the code, the short address for a phone that cannot scan: typed, it opens a draft for
  // this window just as the code does (issue 17).
  const address = poster.locator('#short-address')
  const shortCode = (await address.locator('b').textContent()) ?? ''
  expect(shortCode).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
  await expect(address).toHaveText(`${new URL(baseURL ?? '').origin}/w/${shortCode}`)
  const typed = await (
    await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 360, height: 740 } })
  ).newPage()
  await typed.goto(`/w/${shortCode.toLowerCase()}`)
  await expect(typed).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/)
  await expect(typed.getByText(`来自窗口码：${NAME}`)).toBeVisible()
  await typed.context().close()

  // The owner's phone scans the poster with its camera and sends the report.
  const video = testInfo.outputPath('poster-code.y4m')
  // The camera films the code as printed (the PNG the poster's code is drawn from, mask and all):
  // filmed from a screenshot scaled again by the video's writer, the symbol of 2 new links in 8
  // was missed by ZXing's finder search at every size (the fake camera repeats one frame, where a
  // real camera's frames differ), while the same link's PNG was read.
  await writeFakeCameraVideo(video, printed.png)
  const phoneBrowser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(video)],
  })
  try {
    const phone = await (
      await phoneBrowser.newContext({
        baseURL,
        locale: 'zh-CN',
        viewport: { width: 360, height: 740 },
        permissions: ['camera'],
      })
    ).newPage()
    await phone.goto('/')
    await phone.getByRole('link', { name: /扫码反映/ }).click()
    // Opening the fake camera and the first decodes are slow on a busy 2-core machine (see
    // scan.spec.ts): give the scanner the same 30 s.
    await expect(phone)
      .toHaveURL(/\/drafts\/[0-9a-f-]{36}$/, { timeout: 30_000 })
      .catch(async (error: Error) => {
        // Say what the scan screen showed (a camera problem, a code not ours, nothing read).
        const screen = await phone
          .locator('body')
          .innerText({ timeout: 5_000 })
          .catch((unread: unknown) => `(not readable: ${String(unread)})`)
        error.message += `\nThe scan screen showed:\n${screen}`
        throw error
      })
    await expect(phone.getByText(`来自窗口码：${NAME}`)).toBeVisible()
    await phone.getByRole('radio', { name: /求助/ }).check()
    await phone.getByLabel('标题').fill('兴宁区窗口扫码反映：社保补缴')
    await phone.getByLabel('详细情况').fill('想为员工补缴去年的社保，不知道去哪里办。')
    await phone.getByLabel('主体名称').fill('南宁市兴宁区好运来便利店')
    await phone.getByLabel('统一社会信用代码').fill('91450103MA5KB1234X')
    await phone.getByRole('radio', { name: '个体工商户' }).check()
    await phone.getByLabel('姓名').fill('陈女士')
    await phone.getByLabel('联系电话').fill('13900001111')
    await phone.getByRole('button', { name: '提交反映' }).click()
    await phone.waitForURL(/\/receipts\/[0-9a-f-]{36}$/)
    const number = (await phone.getByLabel('工单号').textContent()) ?? ''
    expect(number).toMatch(/^GX\d+$/)

    const desk = await signInAs(browser, baseURL, 'desk.nanning')
    await desk.getByRole('link', { name: number }).click()
    await expect(desk.getByRole('definition').filter({ hasText: NAME })).toBeVisible()
  } finally {
    await phoneBrowser.close()
  }
})
