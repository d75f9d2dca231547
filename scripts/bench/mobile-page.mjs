// A fresh phone-sized page under Lighthouse's mobile throttling, applied by Chromium itself: the
// simulated slow 4G (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and 4x CPU. Shared by the
// suites that time a page's start (form-ready, long-tasks).

export const MOBILE_NETWORK = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6384 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
}

/** A new context (no cache, no service worker) and page in `browser`, throttled; close `context`. */
export async function openMobilePage(browser) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', MOBILE_NETWORK)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  return { context, page, cdp }
}
