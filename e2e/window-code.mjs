// A real window code, as the running API issues it, for the scan journeys and the camera bench:
// the admin signs in, reads a demo service point's link and downloads the PNG the API renders
// for printing. Chromium's fake camera plays that PNG as a y4m video (stack-probe §4).
import { closeSync, openSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import sharp from 'sharp'

const require = createRequire(import.meta.url)

/** 南宁市政务服务中心 3号窗口, seeded in demo mode. */
export const DEMO_POINT_ID = 'sp-nanning-center-3'

async function adminCookie(url, password) {
  const res = await fetch(`${url}/api/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  })
  if (!res.ok) throw new Error(`admin sign-in failed: ${res.status}`)
  return res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ')
}

export async function fetchWindowCode(
  url,
  { pointId = DEMO_POINT_ID, password = process.env.DEMO_PASSWORD ?? 'guishang-demo' } = {},
) {
  const headers = { cookie: await adminCookie(url, password) }
  const list = await fetch(`${url}/api/staff/service-points`, { headers })
  if (!list.ok) throw new Error(`service points: ${list.status}`)
  const { servicePoints } = await list.json()
  const point = servicePoints.find((p) => p.id === pointId)
  if (!point) throw new Error(`the server has no service point ${pointId}`)
  const image = await fetch(`${url}/api/staff/service-points/${point.id}/code.png`, { headers })
  if (!image.ok) throw new Error(`code.png: ${image.status}`)
  return {
    id: point.id,
    name: point.name,
    link: point.link,
    png: Buffer.from(await image.arrayBuffer()),
  }
}

/**
 * The link with its token's MAC altered: the shape of a window code, but not one the server
 * signed (what a forger who copied a poster and changed the point would produce).
 */
export function forgedLink(link) {
  const url = new URL(link)
  const token = url.pathname.split('/').pop()
  const bytes = Buffer.from(token, 'base64url')
  bytes[bytes.length - 1] ^= 0xff
  url.pathname = `/q/${bytes.toString('base64url')}`
  return url.href
}

/**
 * A 4:2:0 y4m video of `png` on white, centred, its side 60% of the frame's short side: what a
 * phone held at a poster sees. Chromium loops the file, so a few frames are enough. Scaled
 * nearest-neighbour: a smooth (lanczos) scale of the poster test's screenshot, itself already
 * anti-aliased by the browser, was missed by ZXing in CI.
 */
export async function writeFakeCameraVideo(
  path,
  png,
  { width = 640, height = 480, frames = 10 } = {},
) {
  const side = Math.round(Math.min(width, height) * 0.6)
  const left = Math.floor((width - side) / 2)
  const top = Math.floor((height - side) / 2)
  const grey = await sharp(png)
    .flatten({ background: '#ffffff' })
    .resize(side, side, { kernel: 'nearest' })
    .extend({
      left,
      top,
      right: width - side - left,
      bottom: height - side - top,
      background: '#ffffff',
    })
    .toColourspace('b-w')
    .raw()
    .toBuffer()
  // Video range: black is 16, white 235.
  const luma = Buffer.from(grey.map((value) => 16 + Math.round((value * 219) / 255)))
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128)
  const fd = openSync(path, 'w')
  try {
    writeSync(fd, `YUV4MPEG2 W${width} H${height} F30:1 Ip A1:1 C420jpeg\n`)
    for (let frame = 0; frame < frames; frame++) {
      writeSync(fd, 'FRAME\n')
      writeSync(fd, luma)
      writeSync(fd, chroma)
      writeSync(fd, chroma)
    }
  } finally {
    closeSync(fd)
  }
}

/**
 * The text of the QR code `png` holds as its only content (a screenshot of a poster's code), read
 * by the decoder the app bundles as a pure barcode; null when it holds none.
 */
export async function readCodeImage(png) {
  const { data, info } = await sharp(png)
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const zxing = require('html5-qrcode/third_party/zxing-js.umd.js')
  const source = new zxing.RGBLuminanceSource(new Uint8ClampedArray(data), info.width, info.height)
  const hints = new Map([[zxing.DecodeHintType.PURE_BARCODE, true]])
  try {
    return new zxing.QRCodeReader()
      .decode(new zxing.BinaryBitmap(new zxing.HybridBinarizer(source)), hints)
      .getText()
  } catch {
    return null
  }
}

/** Chromium's flags for a fake camera that plays `videoPath`, permission granted without a prompt. */
export function fakeCameraArgs(videoPath) {
  return [
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoPath}`,
  ]
}
