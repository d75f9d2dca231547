import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { waitForServiceWorker } from './fixtures'
import { deviceCredential } from './tickets-fixtures'
import { forgedLink } from './window-code.mjs'

// The outbox's journeys against the real server: a report written and submitted with no network
// reaches the server once the phone is back online, exactly once, whatever happens on the way.

const QUEUED = '已保存在这部手机上，联网后会自动发送'
const VALID_CREDIT_CODE = '91450103MA5KB1234X'
const TICKET_NUMBER = /^GX\d{10,}$/

type Ticket = { id: string; number: string; title: string }

type WindowCode = { id: string; link: string; retiredAt: string | null }

/** A demo window code (its link is `<origin>/q/<token>`), as a desk prints it. */
async function windowCode(request: APIRequestContext): Promise<WindowCode> {
  const signIn = await request.post('/api/staff/session', {
    data: { username: 'desk.nanning', password: 'guishang-demo' },
  })
  expect(signIn.ok()).toBe(true)
  const { servicePoints } = (await (await request.get('/api/staff/service-points')).json()) as {
    servicePoints: WindowCode[]
  }
  const point = servicePoints.find((each) => each.retiredAt === null)
  if (!point) throw new Error('the demo data has no live service point in Nanning')
  return point
}

const pathOf = (link: string) => new URL(link).pathname

/** A real JPEG, drawn by the browser: what a phone camera hands the page. */
async function makeJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(800, 600)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('no 2d canvas')
    context.fillStyle = '#2d6a4f'
    context.fillRect(0, 0, 800, 600)
    context.fillStyle = '#ffd166'
    context.fillRect(120, 90, 560, 420)
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })
    const bytes = new Uint8Array(await blob.arrayBuffer())
    return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''))
  })
  return Buffer.from(base64, 'base64')
}

/** Fills every field of the open draft; the city is chosen by hand (a code is checked later). */
async function fillReport(page: Page, title: string): Promise<void> {
  await page.getByRole('radio', { name: /投诉/ }).check()
  await page.getByLabel('标题').fill(title)
  await page.getByLabel('详细情况').fill('上午九点到十二点只叫了五个号，窗口只开了一个。')
  await page.getByLabel('所在城市').selectOption({ label: '南宁市' })
  await page.getByLabel('主体名称').fill('南宁市青秀区好味道餐饮店')
  await page.getByLabel('统一社会信用代码').fill(VALID_CREDIT_CODE)
  await page.getByRole('radio', { name: '个体工商户' }).check()
  await page.getByLabel('姓名').fill('李明')
  await page.getByLabel('联系电话').fill('13800138000')
}

/** A GET of the owner API with this phone's credential. */
async function ownerGet<T = Record<string, unknown>>(page: Page, path: string): Promise<T> {
  const headers = { authorization: `Bearer ${await deviceCredential(page)}` }
  const response = await page.request.get(path, { headers })
  expect(response.ok()).toBe(true)
  return (await response.json()) as T
}

/** The tickets the server holds for this phone's owner with `title`. */
async function ticketsTitled(page: Page, title: string): Promise<Ticket[]> {
  const { tickets } = await ownerGet<{ tickets: Ticket[] }>(page, '/api/tickets')
  return tickets.filter((ticket) => ticket.title === title)
}

async function attachmentCount(page: Page, ticketId: string): Promise<number> {
  const path = `/api/tickets/${ticketId}/attachments`
  return (await ownerGet<{ attachments: unknown[] }>(page, path)).attachments.length
}

/** The receipt screen's ticket number, once the server has the report. */
async function receiptNumber(page: Page): Promise<string> {
  await page.waitForURL(/\/receipts\/[0-9a-f-]{36}$/)
  const number = page.getByLabel('工单号')
  await expect(number).toHaveText(TICKET_NUMBER)
  return (await number.textContent()) ?? ''
}

test('a report written and submitted offline, with a photo, becomes one ticket once online', async ({
  page,
  context,
  request,
}) => {
  const title = '离线提交：办证窗口排队太久'
  const code = await windowCode(request)
  await page.goto('/')
  await waitForServiceWorker(page)
  const photo = await makeJpeg(page)

  await context.setOffline(true)
  await page.goto(pathOf(code.link))
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/)
  // Opened offline: the code is kept and checked later, and the owner is told so.
  await expect(page.getByText(/窗口码将在联网后核验/)).toBeVisible()
  await fillReport(page, title)
  await page
    .getByLabel('从相册选择照片')
    .setInputFiles({ name: 'shopfront.jpg', mimeType: 'image/jpeg', buffer: photo })
  await expect(page.getByRole('img', { name: '第 1 张照片' })).toBeVisible()
  await page.getByRole('button', { name: '提交反映' }).click()
  await expect(page.getByText(QUEUED)).toBeVisible()

  await page.reload()
  await expect(page.getByText(QUEUED)).toBeVisible()
  await expect(page.getByRole('link', { name: '1 项待发送' })).toBeVisible()
  await expect(page.getByLabel('标题')).toHaveValue(title)
  await expect(page.getByLabel('标题')).toBeDisabled()
  await expect(page.getByText(/已送达|已发送/)).toHaveCount(0)

  await context.setOffline(false)
  const number = await receiptNumber(page)
  await expect(page.getByText('反映已送达，工单已建立。')).toBeVisible()
  await expect(page.getByRole('img', { name: '工单号和验证码的二维码' })).toBeVisible()
  await expect(page.getByRole('link', { name: /项待发送/ })).toHaveCount(0)

  const tickets = await ticketsTitled(page, title)
  expect(tickets.map((ticket) => ticket.number)).toEqual([number])
  const ticketId = tickets[0]?.id ?? ''
  expect(await attachmentCount(page, ticketId)).toBe(1)
  // The window code scanned offline went with the report.
  expect((await ownerGet(page, `/api/tickets/${ticketId}`)).servicePoint).toMatchObject({
    id: code.id,
  })
})

test('when the answer to a report is lost on the way, the retry gets the same ticket', async ({
  page,
}) => {
  const title = '回执丢失：门店招牌审批太慢'
  let posts = 0
  await page.route('**/api/reports', async (route) => {
    posts += 1
    if (posts > 1) return route.continue()
    // The server takes the report and answers; the phone never hears it.
    await route.fetch()
    await route.abort('connectionreset')
  })

  await page.goto('/drafts/new')
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/)
  await fillReport(page, title)
  await page.getByRole('button', { name: '提交反映' }).click()

  const number = await receiptNumber(page)
  expect(posts).toBe(2)
  const tickets = await ticketsTitled(page, title)
  expect(tickets.map((ticket) => ticket.number)).toEqual([number])
})

test('two tabs open at once send a queued report once', async ({ page, context }) => {
  const title = '两个标签页：食品经营许可延期'
  const reportPosts: string[] = []
  context.on('request', (sent) => {
    if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/api/reports') {
      reportPosts.push(sent.url())
    }
  })
  await page.goto('/drafts/new')
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/)
  const other = await context.newPage()
  await other.goto('/drafts')
  await expect(other.getByRole('heading', { level: 1, name: '草稿' })).toBeVisible()

  await context.setOffline(true)
  await fillReport(page, title)
  await page.getByRole('button', { name: '提交反映' }).click()
  await expect(page.getByText(QUEUED)).toBeVisible()
  await expect(other.getByText('等待发送')).toBeVisible()

  await context.setOffline(false)
  const number = await receiptNumber(page)
  await expect(other.getByText('还没有草稿。')).toBeVisible()
  const tickets = await ticketsTitled(page, title)
  expect(tickets.map((ticket) => ticket.number)).toEqual([number])
  expect(reportPosts).toHaveLength(1)
})

test('a report the server refuses comes back as an editable draft with its message', async ({
  page,
  context,
  request,
}) => {
  const title = '被退回：窗口码有误'
  // Shaped like a window code, but not signed by the server.
  const forged = pathOf(forgedLink((await windowCode(request)).link))
  await page.goto('/')
  await waitForServiceWorker(page)

  await context.setOffline(true)
  await page.goto(forged)
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/)
  const draftUrl = page.url()
  await fillReport(page, title)
  await page.getByRole('button', { name: '提交反映' }).click()
  await expect(page.getByText(QUEUED)).toBeVisible()

  await context.setOffline(false)
  const message = '无法识别此二维码，请手动选择所在地区。'
  await expect(page.getByText(`平台退回了这份反映：${message}`)).toBeVisible()
  await expect(page.getByText(`有一份反映没有被受理：${message}`)).toBeVisible()
  expect(page.url()).toBe(draftUrl)
  await expect(page.getByLabel('标题')).toBeEnabled()
  await expect(page.getByLabel('标题')).toHaveValue(title)
  await expect(page.getByLabel('联系电话')).toHaveValue('13800138000')
  expect(await ticketsTitled(page, title)).toEqual([])

  // Nothing was lost: the forged code is set aside, the city chosen by hand stays, and the
  // owner sends the same report again.
  await expect(page.getByText('无法识别的桂商码。请手动选择所在城市和区县。')).toBeVisible()
  await page.getByRole('button', { name: '提交反映' }).click()
  const number = await receiptNumber(page)
  expect((await ticketsTitled(page, title)).map((ticket) => ticket.number)).toEqual([number])
})

test('reports queued offline go together, and a batch whose answer is lost makes each ticket once', async ({
  page,
  context,
}) => {
  const titles = [1, 2, 3, 4, 5].map((n) => `批量发送 ${n}：门面招牌审批`)
  // What each POST /api/reports/batch carried (by title); the first one's answer is lost.
  const batches: string[][] = []
  await page.route('**/api/reports/batch', async (route) => {
    const { reports } = route.request().postDataJSON() as { reports: { title: string }[] }
    batches.push(reports.map((report) => report.title))
    if (batches.length > 1) return route.continue()
    await route.fetch()
    await route.abort('connectionreset')
  })
  // And each report sent alone.
  const alone: string[] = []
  context.on('request', (sent) => {
    if (sent.method() === 'POST' && new URL(sent.url()).pathname === '/api/reports') {
      alone.push((sent.postDataJSON() as { title: string }).title)
    }
  })
  await page.goto('/')
  await waitForServiceWorker(page)
  const photo = await makeJpeg(page)

  await context.setOffline(true)
  for (const title of titles) {
    await page.goto('/drafts/new')
    await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/)
    await fillReport(page, title)
    if (title === titles[0]) {
      await page
        .getByLabel('从相册选择照片')
        .setInputFiles({ name: 'shopfront.jpg', mimeType: 'image/jpeg', buffer: photo })
      await expect(page.getByRole('img', { name: '第 1 张照片' })).toBeVisible()
    }
    await page.getByRole('button', { name: '提交反映' }).click()
    await expect(page.getByText(QUEUED)).toBeVisible()
  }
  await expect(page.getByRole('link', { name: '5 项待发送' })).toBeVisible()

  await context.setOffline(false)
  await expect(page.getByRole('link', { name: /项待发送/ })).toHaveCount(0, { timeout: 30_000 })
  // Five reports on four requests in flight: some went together; the lost batch's reports were
  // sent again (together or alone, as each one's backoff ended), the server made them once.
  expect(batches[0]?.length).toBeGreaterThan(1)
  const lost = batches[0] ?? []
  expect([...batches.slice(1).flat(), ...alone]).toEqual(expect.arrayContaining(lost))
  for (const title of titles) expect(await ticketsTitled(page, title)).toHaveLength(1)
  // The photo went after its report was in, whichever request carried the report.
  const [first] = await ticketsTitled(page, titles[0] ?? '')
  expect(await attachmentCount(page, first?.id ?? '')).toBe(1)
})
