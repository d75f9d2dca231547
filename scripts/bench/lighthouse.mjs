// Lighthouse 12.2.3, mobile preset (simulated slow 4G and 4x CPU), three runs per page, medians;
// the builds take turns run by run.
// A small summary of each run (scores, the metrics, LCP's element and phases, render-blocking
// and preloaded requests) is kept in docs/lighthouse/, not the whole report.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.mjs'
import { median } from './stats.mjs'

const SUMMARY_DIR = 'docs/lighthouse'

function summarize(lhr) {
  const score = (id) => Math.round(lhr.categories[id].score * 100)
  const audit = (id) => lhr.audits[id]?.numericValue ?? null
  const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items ?? []
  const items = (id) => lhr.audits[id]?.details?.items ?? []
  return {
    lighthouseVersion: lhr.lighthouseVersion,
    fetchTime: lhr.fetchTime,
    // Lighthouse's own reading of this machine's CPU speed (higher is faster). The mobile preset's
    // 4x slowdown is calibrated for a fast desktop; the same build's TBT grows as this falls.
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    speedIndex: audit('speed-index'),
    interactive: audit('interactive'),
    // LCP's element and its phases (TTFB, load delay, load time, render delay).
    lcpElement: lcpElement[0]?.items?.[0]?.node?.snippet ?? null,
    lcpPhases: Object.fromEntries(
      (lcpElement[1]?.items ?? []).map((phase) => [phase.phase, Math.round(phase.timing)]),
    ),
    renderBlocking: items('render-blocking-resources').map((item) => item.url),
    totalByteWeight: audit('total-byte-weight'),
    longTasks: lighthouseLongTasks(items('long-tasks')),
    failedA11y: Object.values(lhr.audits)
      .filter(
        (a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id),
      )
      .map((a) => a.id),
  }
}

/**
 * Lighthouse's own long tasks (its long-tasks audit): under the mobile preset's simulated
 * throttling, each task's start and length as the simulation has them (4x CPU), so these are the
 * tasks behind its TBT figure rather than a separate trace's. The audit lists the 20 longest of
 * 50 ms or more in the whole load; TBT counts only their part between FCP and time to interactive,
 * each less 50 ms. What ran is named as Lighthouse attributes the task: a chunk by its name without
 * the hash, "document" for the page's own URL (its inline script, or the HTML's parsing and the
 * style and layout Chromium charged to it), "browser" and "browser GC" for Chromium's own work,
 * "unattributable" where Lighthouse names nothing.
 */
export function lighthouseLongTasks(items) {
  return items.map((item) => ({
    start: Math.round(item.startTime),
    duration: Math.round(item.duration),
    what: whatRan(item.url),
  }))
}

function whatRan(url) {
  if (!url || url === 'Unattributable') return 'unattributable'
  if (url === 'Browser') return 'browser'
  if (url === 'Browser GC') return 'browser GC'
  const path = String(url).split('?')[0]
  if (!path.includes('/assets/')) return 'document'
  return path
    .split('/')
    .pop()
    .replace(/-[A-Za-z0-9_-]{8}\.js$/, '')
}

/** TBT's share of each task: what it lasts over 50 ms. */
const blockingOf = (task) => Math.max(0, task.duration - 50)

// Lighthouse now and then fails to record the trace (NO_NAVSTART): that run is tried again.
function runOnce(url, attempts = 3) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return runLighthouse(url)
    } catch (error) {
      if (attempt >= attempts) throw error
      console.log(`bench: lighthouse failed on ${url}, trying again`)
    }
  }
}

function runLighthouse(url) {
  const dir = mkdtempSync(join(tmpdir(), 'guishang-lh-'))
  const out = join(dir, 'report.json')
  const result = spawnSync(
    'npx',
    [
      'lighthouse',
      url,
      `--chrome-flags=--headless=new --no-sandbox ${CHROMIUM_ARGS.join(' ')}`,
      '--output=json',
      `--output-path=${out}`,
      '--quiet',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  if (result.status !== 0) throw new Error('lighthouse failed')
  const lhr = JSON.parse(readFileSync(out, 'utf8'))
  rmSync(dir, { recursive: true, force: true })
  return summarize(lhr)
}

const METRICS = ['performance', 'accessibility', 'bestPractices', 'seo', 'fcp', 'lcp', 'tbt', 'cls']

/**
 * Lighthouse `runs` times on each page of each build; `builds` is { label: { page: url } }, the
 * label ("before", "after") naming the build in the summaries written to
 * docs/lighthouse/<label>-<page>.json. The builds take turns run by run (before, after, before, …)
 * rather than one build's runs all first: on a shared machine whose load drifts over the minutes
 * a run takes, each build gets a share of the same stretches. Returns { label: { page: medians } }.
 */
export function measureLighthouse({ builds, runs = 3, log = console.log }) {
  const results = {}
  for (const [label, pages] of Object.entries(builds)) {
    results[label] = Object.fromEntries(Object.keys(pages).map((page) => [page, []]))
  }
  for (let run = 0; run < runs; run += 1) {
    for (const [label, pages] of Object.entries(builds)) {
      for (const [page, url] of Object.entries(pages)) results[label][page].push(runOnce(url))
    }
  }
  mkdirSync(SUMMARY_DIR, { recursive: true })
  const out = {}
  for (const [label, pages] of Object.entries(results)) {
    out[label] = {}
    for (const [page, pageRuns] of Object.entries(pages)) {
      const medians = Object.fromEntries(
        [...METRICS, 'benchmarkIndex'].map((k) => [k, median(pageRuns.map((r) => r[k] ?? 0))]),
      )
      out[label][page] = { runs: pageRuns, ...medians }
      writeFileSync(
        join(SUMMARY_DIR, `${label}-${page}.json`),
        `${JSON.stringify({ label, page, medians, runs: pageRuns }, null, 2)}\n`,
      )
      log(
        `bench: lighthouse ${label} ${page}: perf ${pageRuns.map((r) => r.performance).join('/')}, ` +
          `LCP ${Math.round(medians.lcp)} ms, TBT ${Math.round(medians.tbt)} ms ` +
          `(TBT runs ${pageRuns.map((r) => Math.round(r.tbt)).join('/')}; ` +
          `benchmarkIndex ${Math.round(medians.benchmarkIndex)})`,
      )
    }
  }
  return out
}

/** `byBuild` is { before?: measureLighthouse(...), after: measureLighthouse(...) }. */
export function lighthouseReport(byBuild) {
  const f = (x) => x.toFixed(0)
  const rows = []
  for (const [build, pages] of Object.entries(byBuild)) {
    for (const [page, m] of Object.entries(pages)) {
      rows.push(
        `| ${build} | ${page} | **${m.performance}** (${m.runs.map((r) => r.performance).join(', ')}) | ` +
          `${m.accessibility} | ${m.bestPractices} | ${m.seo} | ${f(m.fcp)} | **${f(m.lcp)}** | ` +
          `${f(m.tbt)} (${m.runs.map((r) => f(r.tbt)).join(', ')}) | ${m.cls.toFixed(3)} |`,
      )
    }
  }
  const indexes = Object.values(byBuild)
    .flatMap((pages) => Object.values(pages))
    .flatMap((m) => m.runs.map((r) => r.benchmarkIndex))
    .filter((x) => typeof x === 'number')
  const failing = Object.values(byBuild)
    .flatMap((pages) => Object.values(pages))
    .flatMap((m) => m.runs.flatMap((r) => r.failedA11y))
  return [
    '## Lighthouse 12.2.3, mobile preset (median of 3 runs per page on the app served by `npm start`)',
    '',
    'Pages: `/` (home) and `/q/<token>` (a window-code link, the page a scan opens: it turns into ' +
      'a new draft’s form). Summaries of every run (scores, FCP/LCP/TBT/CLS, speed index, time to interactive) are in ' +
      '`docs/lighthouse/`.',
    '',
    [
      Object.keys(byBuild).length > 1 &&
        'The builds take turns, run by run, so each meets the machine’s load at the same stretches.',
      indexes.length > 0 &&
        `Lighthouse’s reading of this machine’s CPU (\`benchmarkIndex\`, higher is faster) was ` +
          `${Math.round(Math.min(...indexes))}–${Math.round(Math.max(...indexes))} across the runs ` +
          `(median ${Math.round(median(indexes))}): the 4x CPU slowdown of the mobile preset is ` +
          'applied on top of it, so TBT from a slower day is not comparable with a faster one.',
    ]
      .filter(Boolean)
      .join(' '),
    '',
    '| build | page | performance (runs) | a11y | best practices | SEO | FCP ms | LCP ms | TBT ms (runs) | CLS |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    'Targets: performance 100 (every run ≥ 99), LCP ≤ 1200 ms, TBT ≤ 20 ms, CLS 0; accessibility 100.' +
      (failing.length ? ` Failing accessibility audits: ${[...new Set(failing)].join(', ')}.` : ''),
    '',
    ...lighthouseTaskLines(byBuild),
  ].join('\n')
}

/**
 * For each page, Lighthouse's long tasks in the run whose TBT is the median, in the order they ran:
 * each one's simulated start and length and what ran in it. (TBT counts a task only for its part
 * after the first contentful paint and before time to interactive, so their excess over 50 ms may
 * add up to more than the TBT.)
 */
export function lighthouseTaskLines(byBuild) {
  const lines = []
  for (const [build, pages] of Object.entries(byBuild)) {
    for (const [page, m] of Object.entries(pages)) {
      const run = [...m.runs].sort((a, b) => a.tbt - b.tbt)[Math.floor(m.runs.length / 2)]
      if (!run?.longTasks) continue
      const tasks = [...run.longTasks].sort((a, b) => a.start - b.start)
      const listed = tasks.length
        ? tasks
            .map((t) => `${t.start} ms: ${t.duration} ms, ${t.what} (${blockingOf(t)} over 50)`)
            .join('; ')
        : 'none'
      lines.push(
        `Lighthouse’s long tasks (the 20 longest of 50 ms or more), ${build} ${page}, the median-TBT ` +
          `run (TBT ${Math.round(run.tbt)} ms, FCP ${Math.round(run.fcp)} ms, interactive ` +
          `${Math.round(run.interactive)} ms; simulated times): ${listed}.`,
        '',
      )
    }
  }
  return lines
}
