// What blocks the main thread while a page starts, and why: Lighthouse gives TBT as one number
// (from its simulation), this names the tasks behind it. A fresh Chromium loads each page under
// Lighthouse's mobile throttling applied by Chromium itself (150 ms round trip, 1.6 Mbit/s down,
// 4x CPU) with a performance trace recording; every main-thread task of 50 ms or more that starts
// after the first contentful paint is listed with what took its time (a script by file, module
// evaluation, style, layout, paint, garbage collection). "Blocking" is what those tasks spend over
// 50 ms, summed to the end of the trace: TBT's own rule, on observed rather than simulated times.
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.mjs'
import { openMobilePage } from './mobile-page.mjs'
import { median } from './stats.mjs'

const CATEGORIES =
  'devtools.timeline,v8.execute,disabled-by-default-devtools.timeline,loading,blink.user_timing'
const LONG_MS = 50
/** After the page is ready, how long the trace goes on (lazy chunks, effects, the second commit). */
const SETTLE_MS = 2500

/** A chunk by its file name; a script in the page itself (the report form's loader) as inline. */
const file = (url) =>
  url && String(url).includes('/assets/') ? String(url).split('/').pop().split('?')[0] : ''

/** A trace event's share of a task, named for the reader; null for wrappers (timers, calls). */
function labelOf(event) {
  const url = event.args?.data?.url
  switch (event.name) {
    case 'EvaluateScript':
    case 'FunctionCall':
      if (file(url)) return `script ${file(url)}`
      return url ? 'inline script' : 'callback without a source URL'
    case 'v8.evaluateModule':
      return 'module evaluation'
    case 'v8.compileModule':
    case 'v8.compile':
      return `compile ${file(event.args?.fileName ?? url)}`
    case 'ParseHTML':
      return 'HTML parsing'
    case 'UpdateLayoutTree':
      return 'style'
    case 'Layout':
      return 'layout'
    case 'Paint':
    case 'PrePaint':
    case 'Layerize':
    case 'Commit':
      return 'paint'
    case 'MajorGC':
    case 'MinorGC':
      return 'garbage collection'
    case 'RunMicrotasks':
      return 'promise callbacks'
    default:
      return null
  }
}

/** The main thread's long tasks after the first contentful paint, each with its biggest parts. */
export function longTasksOf(events) {
  const fcp = events.find((e) => e.name === 'firstContentfulPaint')
  // The navigation the paint belongs to (a fresh tab's about:blank has its own).
  const navigation =
    events.find(
      (e) =>
        e.name === 'navigationStart' &&
        fcp &&
        e.args?.data?.navigationId === fcp.args?.data?.navigationId,
    ) ?? fcp
  // The page's main thread: the renderer main thread with the most events (a fresh tab's first
  // renderer may be swapped for another one at navigation).
  const threads = new Map()
  for (const e of events) {
    if (e.name !== 'RunTask') continue
    const key = `${e.pid}:${e.tid}`
    threads.set(key, (threads.get(key) ?? 0) + 1)
  }
  const mainThreads = new Set(
    events
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  const main = [...threads].filter(([key]) => mainThreads.has(key)).sort((a, b) => b[1] - a[1])[0]
  if (!main || !fcp) return null
  const onMain = events.filter((e) => `${e.pid}:${e.tid}` === main[0] && e.ph === 'X')
  const tasks = onMain.filter(
    (e) => e.name === 'RunTask' && e.dur >= LONG_MS * 1000 && e.ts >= fcp.ts,
  )
  return {
    fcpMs: (fcp.ts - navigation.ts) / 1000,
    tasks: tasks.map((task) => {
      const end = task.ts + task.dur
      const inside = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur <= end)
      const named = inside.filter((e) => labelOf(e) !== null)
      // Only the outermost named parts: a layout a script forces counts as that script's.
      const outer = named.filter(
        (e) => !named.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur >= e.ts + e.dur),
      )
      const parts = new Map()
      for (const e of outer) parts.set(labelOf(e), (parts.get(labelOf(e)) ?? 0) + e.dur / 1000)
      // Nothing named inside: the task's own biggest child, by its trace name.
      if (parts.size === 0) {
        const biggest = inside.sort((a, b) => b.dur - a.dur)[0]
        if (biggest) parts.set(biggest.name, biggest.dur / 1000)
      }
      return {
        atMs: Math.round((task.ts - navigation.ts) / 1000),
        ms: Math.round(task.dur / 1000),
        parts: [...parts]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([label, ms]) => ({ label, ms: Math.round(ms) })),
      }
    }),
  }
}

async function traceOnce(browser, { url, ready }) {
  const { context, page, cdp } = await openMobilePage(browser)
  const events = []
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value))
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve))
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' })
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 })
  await ready(page)
  await page.waitForTimeout(SETTLE_MS)
  await cdp.send('Tracing.end')
  await complete
  await context.close()
  const found = longTasksOf(events)
  if (!found) throw new Error(`no first contentful paint or main thread in the trace of ${url}`)
  const blockingMs = found.tasks.reduce((sum, task) => sum + task.ms - LONG_MS, 0)
  return { ...found, blockingMs }
}

/** How each page tells it is ready: the report form once its title field is there. */
const READY = {
  home: (page) => page.getByRole('heading', { level: 1 }).waitFor({ timeout: 60_000 }),
  'window-code': (page) => page.getByLabel('标题').waitFor({ timeout: 60_000 }),
}

/**
 * `builds` is { label: { page: url } }; builds and pages take turns run by run. Returns
 * { label: { page: { runs, blockingMs (median), medianRun } } }.
 */
export async function measureLongTasks({ builds, runs = 3 }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const results = {}
  try {
    for (let i = 0; i < runs; i += 1) {
      for (const [label, pages] of Object.entries(builds)) {
        for (const [page, url] of Object.entries(pages)) {
          const run = await traceOnce(browser, { url, ready: READY[page] })
          ;((results[label] ??= {})[page] ??= []).push(run)
        }
      }
    }
  } finally {
    await browser.close()
  }
  return Object.fromEntries(
    Object.entries(results).map(([label, pages]) => [
      label,
      Object.fromEntries(
        Object.entries(pages).map(([page, pageRuns]) => {
          const blockingMs = median(pageRuns.map((r) => r.blockingMs))
          const medianRun = pageRuns.find((r) => r.blockingMs === blockingMs) ?? pageRuns[0]
          return [page, { runs: pageRuns, blockingMs, medianRun }]
        }),
      ),
    ]),
  )
}

export function longTasksReport(byBuild) {
  const rows = []
  const details = []
  for (const [build, pages] of Object.entries(byBuild)) {
    for (const [page, m] of Object.entries(pages)) {
      rows.push(
        `| ${build} | ${page} | **${Math.round(m.blockingMs)}** (${m.runs
          .map((r) => Math.round(r.blockingMs))
          .join(', ')}) | ${m.runs.map((r) => r.tasks.length).join(', ')} |`,
      )
      if (build !== 'after') continue
      details.push(
        '',
        `Tasks of the median run, after, ${page} (first contentful paint at ${Math.round(m.medianRun.fcpMs)} ms):`,
        '',
        '| starts at ms | lasts ms | what took the time (ms) |',
        '|---|---|---|',
        ...m.medianRun.tasks.map(
          (t) =>
            `| ${t.atMs} | ${t.ms} | ${t.parts.map((p) => `${p.label} ${p.ms}`).join(', ') || '—'} |`,
        ),
      )
    }
  }
  return [
    '## Long tasks at start-up (DevTools throttling, traced)',
    '',
    'A fresh Chromium loads each page under Lighthouse’s mobile throttling applied by Chromium ' +
      'itself (150 ms round trip, 1.6 Mbit/s down, 4x CPU) while a performance trace records, ' +
      `until the page is ready (home’s heading, the form’s title field) and ${SETTLE_MS / 1000} s ` +
      'more. Every main-thread task of 50 ms or more that starts after the first contentful paint ' +
      'is listed with its biggest parts. “Blocking” sums what those tasks spend over 50 ms: TBT’s ' +
      'rule on observed times, where Lighthouse’s TBT above is simulated from its own trace, so ' +
      'the two differ. Medians of 3, the builds taking turns run by run.',
    '',
    '| build | page | blocking ms (runs) | long tasks (runs) |',
    '|---|---|---|---|',
    ...rows,
    ...details,
    '',
  ].join('\n')
}
