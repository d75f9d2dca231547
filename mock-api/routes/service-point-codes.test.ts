import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { staffServicePointSchema } from '../contract.js'
import type { StaffServicePoint } from '../contract.js'
import { databases, useStore } from '../test/databases.js'
import { decodeQr } from '../test/qr-decoder.js'
import { seedStaff, signIn } from '../test/staff-fixtures.js'
import { buildTestApp } from '../test/test-app.js'
import { QR_MIN_PNG_PX } from './qr-image.js'

type Cookies = Record<string, string>

const NANNING_POINT = 'sp-nanning-center-3'
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

describe.each(databases)('service point codes and poster on $name', (database) => {
  const store = useStore(database)
  let app: FastifyInstance
  let admin: Cookies
  let nanningDesk: Cookies
  let liuzhouDesk: Cookies
  let point: StaffServicePoint

  const get = (path: string, cookies: Cookies) =>
    app.inject({ method: 'GET', url: `/api/staff/service-points/${path}`, cookies })

  beforeAll(async () => {
    await seedStaff(store())
    app = await buildTestApp(store())
    admin = await signIn(app, 'admin')
    nanningDesk = await signIn(app, 'desk.nanning')
    liuzhouDesk = await signIn(app, 'desk.liuzhou')
    const listed = await app.inject({
      method: 'GET',
      url: '/api/staff/service-points',
      cookies: admin,
    })
    const points = listed.json<{ servicePoints: unknown[] }>().servicePoints
    point = points
      .map((p) => staffServicePointSchema.parse(p))
      .find((p) => p.id === NANNING_POINT) as StaffServicePoint
  })
  afterAll(() => app.close())

  it('renders a PNG of at least 600 px that a QR reader decodes to the link', async () => {
    const res = await get(`${NANNING_POINT}/code.png`, admin)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    const png = res.rawPayload
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE)
    // IHDR: width and height are the first two big-endian words of its data.
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(QR_MIN_PNG_PX)
    expect(png.readUInt32BE(20)).toBe(png.readUInt32BE(16))
    expect(await decodeQr(png)).toBe(point.link)
  })

  it('renders an SVG that decodes to the same link', async () => {
    const res = await get(`${NANNING_POINT}/code.svg`, admin)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/)
    expect(res.body).toMatch(/^<svg /)
    expect(await decodeQr(res.rawPayload)).toBe(point.link)
  })

  it('names the download after the window, readable in Chinese', async () => {
    const res = await get(`${NANNING_POINT}/code.png`, admin)
    const disposition = String(res.headers['content-disposition'])
    expect(disposition).toContain(`filename="guishang-code-${NANNING_POINT}.png"`)
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? ''
    expect(decodeURIComponent(encoded)).toBe('桂商码-南宁市政务服务中心-3号窗口.png')
  })

  it('serves an A4 poster with the code, the window and the instructions, and no script', async () => {
    const res = await get(`${NANNING_POINT}/poster`, nanningDesk)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
    const page = res.body
    expect(page).toContain('<img class="code" src="code.svg"')
    expect(page).toContain('南宁市政务服务中心<strong>3号窗口</strong>')
    for (const text of ['扫码反映问题', '用手机相机或微信', '无需下载应用', 'size: A4']) {
      expect(page).toContain(text)
    }
    // For people who cannot scan: the short address in text, under the code, with the code apart.
    const origin = point.link.slice(0, point.link.indexOf('/q/'))
    expect(page).toMatch(
      new RegExp(`地址栏输入：<span id="short-address"\\s*>${origin}/w/<b>${point.shortCode}</b>`),
    )
    // A print button, wired by the one same-origin script: no inline script or handlers.
    expect(page).toContain('<button type="button" id="print">打印海报</button>')
    expect(page.match(/<script[^>]*>/gi)).toEqual(['<script src="print.js" defer>'])
    expect(page).not.toMatch(/<script[^>]*>[^<]|\son\w+=/i)
    expect(String(res.headers['content-security-policy'])).toMatch(/script-src 'self'(;|$)/)
    const script = await get(`${NANNING_POINT}/print.js`, nanningDesk)
    expect(script.statusCode).toBe(200)
    expect(script.headers['content-type']).toMatch(/^text\/javascript/)
    expect(script.body).toContain('window.print()')
    // The poster's relative image URL is the SVG route.
    const svg = await get(`${NANNING_POINT}/code.svg`, nanningDesk)
    expect(svg.statusCode).toBe(200)
  })

  it('puts PUBLIC_URL, not the request’s host, into the link and the codes when it is set', async () => {
    expect(point.link).toMatch(/^http:\/\/localhost(:\d+)?\/q\/[\w-]+$/)
    const behindProxy = await buildTestApp(store(), {
      env: { PUBLIC_URL: 'https://guishang.example.gov.cn' },
    })
    try {
      const cookies = await signIn(behindProxy, 'admin')
      const listed = await behindProxy.inject({
        method: 'GET',
        url: '/api/staff/service-points',
        headers: { host: 'internal:8080' },
        cookies,
      })
      const link = staffServicePointSchema
        .array()
        .parse(listed.json<{ servicePoints: unknown[] }>().servicePoints)
        .find((p) => p.id === NANNING_POINT)?.link
      expect(link).toBe(point.link.replace(/^http:\/\/[^/]+/, 'https://guishang.example.gov.cn'))
      const png = await behindProxy.inject({
        method: 'GET',
        url: `/api/staff/service-points/${NANNING_POINT}/code.png`,
        headers: { host: 'internal:8080' },
        cookies,
      })
      expect(await decodeQr(png.rawPayload)).toBe(link)
    } finally {
      await behindProxy.close()
    }
  })

  it('escapes names typed by the admin', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/staff/service-points',
      cookies: admin,
      payload: {
        hall: '<script>alert(1)</script>大厅',
        window: '"1"号&窗口',
        divisionCode: '450103',
      },
    })
    expect(created.statusCode).toBe(201)
    const { id } = created.json<{ id: string }>()
    const page = (await get(`${id}/poster`, admin)).body
    expect(page).not.toContain('<script>')
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;大厅')
    expect(page).toContain('&quot;1&quot;号&amp;窗口')
  })

  it('shows a desk its own points only, and no retired point’s code', async () => {
    for (const path of ['code.png', 'code.svg', 'poster']) {
      expect((await get(`${NANNING_POINT}/${path}`, liuzhouDesk)).statusCode).toBe(404)
      expect((await get(`${NANNING_POINT}/${path}`, {})).statusCode).toBe(401)
    }
    expect((await get('sp-liuzhou-center-5/code.png', liuzhouDesk)).statusCode).toBe(200)
    expect((await get('sp-nowhere/code.png', admin)).statusCode).toBe(404)
    const retired = await app.inject({
      method: 'POST',
      url: '/api/staff/service-points/sp-liuzhou-liunan-2/retire',
      cookies: admin,
      payload: {},
    })
    expect(retired.statusCode).toBe(200)
    for (const path of ['code.png', 'code.svg', 'poster']) {
      expect((await get(`sp-liuzhou-liunan-2/${path}`, admin)).statusCode).toBe(410)
    }
  })
})
