import { expect, test, type Page } from '@playwright/test'
import {
  deviceCredential,
  ownerPhone,
  reportFrom,
  staffSession,
  statusOf,
} from './tickets-fixtures'
import { fetchWindowCode, type WindowCode } from './window-code.mjs'

// A window code scanned with WeChat's 扫一扫 opens the app inside WeChat's own browser: on Android
// XWeb (here: service workers blocked, so registration yields nothing), on iPhone a WKWebView with
// no service worker at all. Neither has Notification or PushManager. Every journey still works;
// the owner is told once what is missing there, in WeChat's own menu words.

const IN_APP_BROWSERS = [
  {
    name: 'WeChat on Android',
    userAgent:
      'Mozilla/5.0 (Linux; Android 13; V2154A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/111.0.5563.116 Mobile Safari/537.36 XWEB/1110005 MMWEBSDK/20231002 MMWEBID/3357 MicroMessenger/8.0.43.2460(0x28002B3B) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
    openHint: '点右上角「···」，选「在浏览器打开」，可离线使用、添加到桌面并接收通知。',
    hasServiceWorkerApi: true,
    // XWeb has a camera API; here the owner refused the permission.
    camera: 'refused',
  },
  {
    name: 'WeChat on iPhone',
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2c) NetType/WIFI Language/zh_CN',
    openHint: '点右上角「···」，选「在Safari中打开」，可离线使用、添加到桌面并接收通知。',
    hasServiceWorkerApi: false,
    camera: 'missing',
  },
] as const

type InAppBrowser = (typeof IN_APP_BROWSERS)[number]

const HINT_NAME = '这个浏览器的限制'
const HINT_MISSING =
  '在这里可以照常反映、查看进度和评价，但没有网络时打不开这个页面，也收不到通知。'
const SMS_INSTEAD = '这个浏览器不能显示通知。工单有进展时，会发短信到您留的联系电话。'
const OFFLINE_PROMISE =
  '没有网络也不要紧：填写的内容都保存在这部手机上，提交后联网时自动发送；即使关掉了页面，联网后再打开也会发送。'
const QUEUED = '已保存在这部手机上，联网后会自动发送'
const DRAFT_URL = /\/drafts\/[0-9a-f-]{36}$/
const TICKET_NUMBER = /^GX\d{10,}$/

/** What the in-app browser lacks, removed before any of the app's code runs. */
function inAppBrowserScript({
  hasServiceWorkerApi,
  camera,
}: {
  hasServiceWorkerApi: boolean
  camera: 'refused' | 'missing'
}) {
  const w = window as unknown as Record<string, unknown>
  delete w.Notification
  delete w.PushManager
  // WKWebView in WeChat: the property reads undefined (what made workbox-window throw).
  if (!hasServiceWorkerApi) {
    Object.defineProperty(Navigator.prototype, 'serviceWorker', {
      configurable: true,
      get: () => undefined,
    })
  }
  if (camera === 'missing') {
    Object.defineProperty(Navigator.prototype, 'mediaDevices', {
      configurable: true,
      get: () => undefined,
    })
  } else if (navigator.mediaDevices) {
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))
  }
}

let code: WindowCode
test.beforeAll(async ({ baseURL }) => {
  code = await fetchWindowCode(baseURL ?? '')
})

const pathOf = (link: string) => new URL(link).pathname

/** Fills what a window code leaves to the owner (the window names where the report goes). */
async function fillReport(page: Page, title: string): Promise<void> {
  await page.getByRole('radio', { name: /求助/ }).check()
  await page.getByLabel('标题').fill(title)
  await page.getByLabel('详细情况').fill('营业执照变更后，税务登记信息一直没有同步更新。')
  await page.getByLabel('主体名称').fill('南宁市青秀区好味道餐饮店')
  await page.getByLabel('统一社会信用代码').fill('91450103MA5KB1234X')
  await page.getByRole('radio', { name: '个体工商户' }).check()
  await page.getByLabel('姓名').fill('李明')
  await page.getByLabel('联系电话').fill('13800138000')
}

async function openWindowCode(page: Page): Promise<void> {
  await page.goto(pathOf(code.link))
  await expect(page).toHaveURL(DRAFT_URL)
  await expect(page.getByText(`来自窗口码：${code.name}`)).toBeVisible()
  // What submitting needs is fetched as the form is drawn and run at the first edit
  // (features/report/draft-checks.ts); an owner reading the form gives it that moment.
  await page.waitForLoadState('networkidle')
}

async function receiptNumber(page: Page): Promise<string> {
  await page.waitForURL(/\/receipts\/[0-9a-f-]{36}$/)
  const number = page.getByLabel('工单号')
  await expect(number).toHaveText(TICKET_NUMBER)
  await expect(page.getByText('反映已送达，工单已建立。')).toBeVisible()
  return (await number.textContent()) ?? ''
}

/** The tickets the server holds with `title`, asked with this phone's own credential. */
async function serverTicketsTitled(page: Page, title: string): Promise<{ number: string }[]> {
  const credential = await deviceCredential(page)
  const response = await page.request.get('/api/tickets', {
    headers: { authorization: `Bearer ${credential}` },
  })
  expect(response.ok()).toBe(true)
  const { tickets } = (await response.json()) as { tickets: { number: string; title: string }[] }
  return tickets.filter((ticket) => ticket.title === title)
}

function watchPageErrors(page: Page, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`))
}

for (const browser of IN_APP_BROWSERS) {
  test.describe(browser.name, () => {
    test.use({ userAgent: browser.userAgent, serviceWorkers: 'block' })

    let pageErrors: string[] = []
    test.beforeEach(async ({ context, page }) => {
      pageErrors = []
      await context.addInitScript(inAppBrowserScript, {
        hasServiceWorkerApi: browser.hasServiceWorkerApi,
        camera: browser.camera,
      })
      watchPageErrors(page, pageErrors)
    })
    test.afterEach(() => {
      expect(pageErrors).toEqual([])
    })

    test('a window-code link leads to a sent report and its receipt; the hint shows once', async ({
      page,
    }) => {
      await openWindowCode(page)
      await expectTheBrowserIs(page, browser)
      const hint = page.getByRole('complementary', { name: HINT_NAME })
      await expect(hint).toHaveCount(1)
      await expect(hint).toContainText(HINT_MISSING)
      await expect(hint).toContainText('工单有进展时，会发短信到您留的联系电话。')
      await expect(hint).toContainText(browser.openHint)

      const title = `${browser.name}：税务登记信息没有同步`
      await fillReport(page, title)
      await page.getByRole('button', { name: '提交反映' }).click()
      const number = await receiptNumber(page)
      expect((await serverTicketsTitled(page, title)).map((each) => each.number)).toEqual([number])

      // SMS is the channel here: no notification prompt, and the owner is told so.
      await expect(page.getByText(SMS_INSTEAD)).toBeVisible()
      await expect(page.getByRole('button', { name: '工单有进展时通知我' })).toHaveCount(0)

      // Still one hint on the next screen; dismissed, it stays away after a reload.
      await expect(hint).toHaveCount(1)
      await hint.getByRole('button', { name: '不再提示' }).click()
      await expect(hint).toHaveCount(0)
      await page.reload()
      await expect(page.getByLabel('工单号')).toHaveText(number)
      await expect(hint).toHaveCount(0)
    })

    test('written offline, the page closed, opened again online: sent exactly once', async ({
      page,
      context,
    }) => {
      await openWindowCode(page)
      const draftUrl = new URL(page.url()).pathname
      await context.setOffline(true)
      await expect(page.getByText(OFFLINE_PROMISE)).toBeVisible()
      const title = `${browser.name}：离线写的反映`
      await fillReport(page, title)
      await page.getByRole('button', { name: '提交反映' }).click()
      // Said once, in the button's place: saved, and sent even if the page is closed (issue 17).
      await expect(page.getByText(QUEUED)).toBeVisible()
      await expect(page.getByText(/即使关掉了页面，联网后再打开也会发送。/)).toBeVisible()
      await expect(page.getByText(OFFLINE_PROMISE)).toHaveCount(0)

      // Without a service worker, a reload without a network cannot load the page at all.
      await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/)
      await page.close()

      await context.setOffline(false)
      const reopened = await context.newPage()
      watchPageErrors(reopened, pageErrors)
      await reopened.goto(draftUrl)
      const number = await receiptNumber(reopened)
      await expect(reopened.getByRole('link', { name: /项待发送/ })).toHaveCount(0)
      expect((await serverTicketsTitled(reopened, title)).map((each) => each.number)).toEqual([
        number,
      ])

      // Opened once more, nothing is sent again.
      await reopened.goto('/receipts')
      await expect(reopened.getByText(title)).toHaveCount(1)
      expect(await serverTicketsTitled(reopened, title)).toHaveLength(1)
    })

    test('submitted offline with the page left open, it is sent once the network is back', async ({
      page,
      context,
    }) => {
      // Nothing is precached here: the outbox's code must already be in the page when it is needed.
      await openWindowCode(page)
      await context.setOffline(true)
      const title = `${browser.name}：页面没关，网络回来了`
      await fillReport(page, title)
      await page.getByRole('button', { name: '提交反映' }).click()
      await expect(page.getByText(QUEUED)).toBeVisible()

      await context.setOffline(false)
      const number = await receiptNumber(page)
      expect((await serverTicketsTitled(page, title)).map((each) => each.number)).toEqual([number])
    })

    test('the open ticket page shows what the desk does, without a reload', async ({
      page,
      baseURL,
    }) => {
      const owner = await ownerPhone(page)
      const ticket = await reportFrom(page, owner, `${browser.name}：门店招牌审批进度`)
      const desk = await staffSession(baseURL, 'desk.nanning')
      try {
        await page.goto(`/tickets/${ticket.id}`)
        await expect(statusOf(page)).toHaveText('待受理')
        await page.evaluate(() => {
          ;(window as unknown as { notReloaded: boolean }).notReloaded = true
        })

        await desk.send(ticket.id, { type: 'accept' })
        await expect(statusOf(page)).toHaveText('已受理')
        await desk.send(ticket.id, { type: 'dispatch', leadUnitId: 'nanning-amr' })
        await expect(statusOf(page)).toHaveText('已分派')
        expect(
          await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
        ).toBe(true)
        await expect(page.getByText(SMS_INSTEAD)).toBeVisible()
      } finally {
        await desk.api.dispose()
      }
    })

    test('the owner rates the reply and the ticket is closed', async ({ page, baseURL }) => {
      const owner = await ownerPhone(page)
      const ticket = await reportFrom(page, owner, `${browser.name}：年报系统无法提交`)
      const desk = await staffSession(baseURL, 'desk.nanning')
      const unit = await staffSession(baseURL, 'unit.nanning.amr')
      try {
        await desk.send(ticket.id, { type: 'accept' })
        await desk.send(ticket.id, { type: 'dispatch', leadUnitId: 'nanning-amr' })
        await unit.send(ticket.id, { type: 'sign' })
        // A unit contacts the owner before it may reply (issue 14).
        await unit.send(ticket.id, {
          type: 'contact',
          channel: 'phone',
          summary: '已电话联系经营主体。',
        })
        await unit.send(ticket.id, { type: 'reply', reply: '系统已恢复，请重新提交年报。' })
        await desk.send(ticket.id, { type: 'approve_reply' })

        await page.goto(`/tickets/${ticket.id}`)
        await expect(statusOf(page)).toHaveText('已答复，待评价')
        const form = page.getByRole('form', { name: '评价办理结果' })
        await form.getByRole('radio', { name: '已解决', exact: true }).check()
        await form.getByRole('radio', { name: '满意', exact: true }).check()
        await form.getByRole('button', { name: '提交评价' }).click()
        await expect(statusOf(page)).toHaveText('已办结')
        await expect(page.getByRole('form', { name: '评价办理结果' })).toHaveCount(0)
      } finally {
        await desk.api.dispose()
        await unit.api.dispose()
      }
    })

    test('without the camera, the scan screen offers the gallery and reporting without a code', async ({
      page,
    }) => {
      await page.goto('/scan')
      await expect(page.getByRole('alert')).toContainText('从相册选择桂商码的照片，或者无码反映')
      await expect(page.getByRole('link', { name: '无码反映' })).toBeVisible()

      await page.getByLabel('从相册选择', { exact: true }).setInputFiles({
        name: 'guishang-code.png',
        mimeType: 'image/png',
        buffer: code.png,
      })
      await expect(page).toHaveURL(DRAFT_URL, { timeout: 30_000 })
      await expect(page.getByText(`来自窗口码：${code.name}`)).toBeVisible()
    })
  })
}

/** The page really runs as the in-app browser: what the app sees, not what the test set. */
async function expectTheBrowserIs(page: Page, browser: InAppBrowser): Promise<void> {
  const seen = await page.evaluate(() => ({
    userAgent: navigator.userAgent,
    hasNotification: 'Notification' in window,
    hasPushManager: 'PushManager' in window,
    hasServiceWorker: navigator.serviceWorker !== undefined,
  }))
  expect(seen).toEqual({
    userAgent: browser.userAgent,
    hasNotification: false,
    hasPushManager: false,
    hasServiceWorker: browser.hasServiceWorkerApi,
  })
  // Nothing took control of the page: it came from the network.
  if (browser.hasServiceWorkerApi) {
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull()
  }
}
