// Time from camera start to a decoded window code, with Chromium's fake camera playing a QR
// video of a real window code: the PNG the API renders for a demo service point's poster, made
// into a y4m file (e2e/window-code.mjs, as the scan journey does). 4x CPU throttling, as a
// mid-range phone.
/* global window, document, MutationObserver -- used inside page.evaluate and init scripts */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.mjs'
import { fakeCameraArgs, fetchWindowCode, writeFakeCameraVideo } from '../../e2e/window-code.mjs'
import { median, percentile } from './stats.mjs'

// In the page: when the camera was asked for (getUserMedia), when it answered, and when the
// scanner showed that it had read a window code.
const INSTRUMENT = () => {
  const marks = (window.__camera = {})
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices)
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    marks.requested ??= performance.now()
    const stream = await getUserMedia(constraints)
    marks.streaming ??= performance.now()
    return stream
  }
  new MutationObserver(() => {
    if (marks.decoded === undefined && /已识别桂商码/.test(document.body?.textContent ?? '')) {
      marks.decoded = performance.now()
    }
  }).observe(document, { childList: true, subtree: true, characterData: true })
}

async function once(context, url) {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto(`${url}/scan`)
  await page.waitForFunction(() => window.__camera?.decoded !== undefined, null, {
    timeout: 30_000,
  })
  const marks = await page.evaluate(() => window.__camera)
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/)
  const filled = await page
    .getByText(/来自窗口码/)
    .waitFor({ timeout: 15_000 })
    .then(() => true)
    .catch(() => false)
  await page.close()
  return {
    decodeMs: marks.decoded - marks.requested,
    cameraReadyMs: marks.streaming - marks.requested,
    streamToDecodedMs: marks.decoded - marks.streaming,
    // performance.now() counts from the navigation: the page load, the lazy chunks and all.
    openToDecodedMs: marks.decoded,
    isDraftFilled: filled,
  }
}

export async function measureCamera({ url, runs = 10 }) {
  const { png, name } = await fetchWindowCode(url)
  const dir = mkdtempSync(join(tmpdir(), 'guishang-camera-'))
  const video = join(dir, 'window-code.y4m')
  await writeFakeCameraVideo(video, png)
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...fakeCameraArgs(video)],
  })
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
    await context.grantPermissions(['camera'])
    await context.addInitScript(INSTRUMENT)
    const samples = []
    for (let i = 0; i < runs; i++) samples.push(await once(context, url))
    return { point: name, samples }
  } finally {
    await browser.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export function cameraReport(m) {
  const decode = m.samples.map((s) => s.decodeMs)
  const ready = m.samples.map((s) => s.cameraReadyMs)
  const open = m.samples.map((s) => s.openToDecodedMs)
  const scanning = m.samples.map((s) => s.streamToDecodedMs)
  const filled = m.samples.filter((s) => s.isDraftFilled).length
  const ms = (x) => `${Math.round(x)} ms`
  return [
    '## Camera: start to decoded window code',
    '',
    `Chromium's fake camera plays a QR video of a real window code (the PNG the API ` +
      `renders for ${m.point}); 4x CPU throttling; ${m.samples.length} page loads of \`/scan\`. Timed in the page from the ` +
      'camera request (getUserMedia) to the scanner showing it read the code.',
    '',
    `- start → decoded: median **${ms(median(decode))}**, p95 ${ms(percentile(decode, 95))}, ` +
      `max ${ms(Math.max(...decode))} (target ≤ 1 s)`,
    `- of which the browser opening the camera (→ streaming): median ${ms(median(ready))}, ` +
      `p95 ${ms(percentile(ready, 95))}; the scanner (streaming → decoded): median ` +
      `${ms(median(scanning))}, p95 ${ms(percentile(scanning, 95))}`,
    `- opening \`/scan\` → decoded (page, scanner chunk, camera): median ${ms(median(open))}, ` +
      `p95 ${ms(percentile(open, 95))}`,
    `- the draft opened with the window filled in: ${filled} of ${m.samples.length}`,
    '',
  ].join('\n')
}
