// Lighthouse 12.2.3, mobile preset (simulated slow 4G and 4x CPU), three runs, medians.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.mjs'
import { median } from './stats.mjs'

function runOnce(url) {
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
  const score = (id) => Math.round(lhr.categories[id].score * 100)
  const audit = (id) => lhr.audits[id].numericValue
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    failedA11y: Object.values(lhr.audits)
      .filter(
        (a) => a.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id),
      )
      .map((a) => a.id),
  }
}

export function measureLighthouse(url, runs = 3) {
  const results = Array.from({ length: runs }, () => runOnce(url))
  const med = (k) => median(results.map((r) => r[k]))
  return {
    runs: results,
    performance: med('performance'),
    accessibility: med('accessibility'),
    bestPractices: med('bestPractices'),
    seo: med('seo'),
    lcp: med('lcp'),
    tbt: med('tbt'),
    cls: med('cls'),
  }
}

export function lighthouseReport(m) {
  const f = (x) => x.toFixed(0)
  return [
    '## Lighthouse 12.2.3, mobile preset (median of 3 runs on the app served by `npm start`)',
    '',
    `| performance | accessibility | best practices | SEO | LCP ms | TBT ms | CLS |`,
    '|---|---|---|---|---|---|---|',
    `| **${m.performance}** | **${m.accessibility}** | ${m.bestPractices} | ${m.seo} | ${f(m.lcp)} | ${f(m.tbt)} | ${m.cls.toFixed(3)} |`,
    '',
    `Targets: performance ≥ 95, accessibility 100. Runs: ${m.runs
      .map((r) => `${r.performance}/${r.accessibility}/${r.bestPractices}`)
      .join(', ')} (perf/a11y/bp).` +
      (m.runs.some((r) => r.failedA11y.length)
        ? ` Failing accessibility audits: ${[...new Set(m.runs.flatMap((r) => r.failedA11y))].join(', ')}.`
        : ''),
    '',
  ].join('\n')
}
