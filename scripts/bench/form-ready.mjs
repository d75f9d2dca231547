// How soon a scan's link gives the owner a form that keeps what they type: a fresh phone (no
// cache, no service worker) opens a window-code link `/q/<token>` under Lighthouse's mobile
// throttling applied by Chromium itself (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up,
// 4x CPU). As soon as the title field takes input one character is typed; the figure is the
// time from navigation start to the commit of the draft write carrying it: the first `draft-save`
// measure (the app's own, src/features/report/use-draft-autosave.ts) whose newest change is not
// older than the character's input event. (The draft's first write, of the window the code
// names, lands about when the field shows; until this stop the bench took that one.)
/* global window, document -- used inside an init script */
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.mjs'
import { openMobilePage } from './mobile-page.mjs'
import { median } from './stats.mjs'

const RECORD_SAVES = () => {
  window.__saves = []
  window.__typedAt = null
  document.addEventListener('input', (event) => (window.__typedAt ??= event.timeStamp), true)
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.name === 'draft-save')
        window.__saves.push({
          end: entry.startTime + entry.duration,
          // (a build from before the measure named its newest change: the write whose oldest
          // change follows the character, which may be one write later than the one carrying it)
          lastChangeAt: entry.detail?.lastChangeAt ?? entry.startTime,
        })
    }
  }).observe({ type: 'measure' })
}

async function once(browser, codeUrl) {
  const { context, page } = await openMobilePage(browser)
  await page.addInitScript(RECORD_SAVES)
  await page.goto(codeUrl, { waitUntil: 'commit' })
  const title = page.getByLabel('标题')
  await title.waitFor({ timeout: 60_000 })
  const fieldShownAt = await page.evaluate(() => performance.now())
  await title.pressSequentially('门', { timeout: 60_000 })
  const carrying = () =>
    window.__typedAt !== null &&
    window.__saves.find((save) => save.lastChangeAt >= window.__typedAt)?.end
  await page.waitForFunction(carrying, null, { timeout: 60_000 })
  const savedAt = await page.evaluate(carrying)
  await context.close()
  return { fieldShownAt, savedAt }
}

/**
 * `codeUrls` is { label: window-code link } per build; the builds take turns run by run (before,
 * after, before, …), so a drift in the machine's load over the minutes falls on each alike.
 * Returns { label: { runs, fieldShownAt, savedAt } } (medians).
 */
export async function measureFormReady({ codeUrls, runs = 3 }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const results = Object.fromEntries(Object.keys(codeUrls).map((label) => [label, []]))
    for (let i = 0; i < runs; i += 1) {
      for (const [label, codeUrl] of Object.entries(codeUrls))
        results[label].push(await once(browser, codeUrl))
    }
    return Object.fromEntries(
      Object.entries(results).map(([label, buildRuns]) => [
        label,
        {
          runs: buildRuns,
          fieldShownAt: median(buildRuns.map((r) => r.fieldShownAt)),
          savedAt: median(buildRuns.map((r) => r.savedAt)),
        },
      ]),
    )
  } finally {
    await browser.close()
  }
}

export function formReadyReport(byBuild) {
  const f = (x) => `${(x / 1000).toFixed(2)} s`
  return [
    '## Window-code link to a form that keeps typing (Lighthouse mobile throttling)',
    '',
    'A fresh Chromium (no cache, no service worker) opens `/q/<token>` with Lighthouse’s mobile ' +
      'throttling applied by Chromium itself (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s ' +
      'up, 4x CPU), types one character into the title as soon as the field takes input, and ' +
      'waits for the draft write carrying it to commit (the first `draft-save` measure whose ' +
      'newest change is not older than the character). Times from navigation start; medians of 3, ' +
      'the builds taking turns run by run.',
    '',
    '| build | title field shown | typed character saved | runs (saved) |',
    '|---|---|---|---|',
    ...Object.entries(byBuild).map(
      ([build, m]) =>
        `| ${build} | ${f(m.fieldShownAt)} | **${f(m.savedAt)}** | ` +
        `${m.runs.map((r) => f(r.savedAt)).join(', ')} |`,
    ),
    '',
    'Target: ≤ 2.5 s.',
    '',
  ].join('\n')
}
