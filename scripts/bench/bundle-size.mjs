// What the owner's phone downloads before the first screen is interactive, measured in Chromium
// (every script and stylesheet requested while the home screen loads), and every other chunk.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.mjs'
import { kb } from './stats.mjs'

const gz = (buf) => gzipSync(buf, { level: 9 }).length

function assetsOnDisk(distDir) {
  const dir = join(distDir, 'assets')
  return readdirSync(dir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const body = readFileSync(join(dir, f))
      return { file: `assets/${f}`, raw: body.length, gzip: gz(body), body: body.toString('utf8') }
    })
}

async function firstLoadFiles(url) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 360, height: 740 } })
  const files = new Set()
  const fetchedAhead = new Set()
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname
    if (!/\.(js|css)$/.test(path) || !path.startsWith('/assets/')) return
    // A file the app fetches into the HTTP cache to run later (the report form's checks,
    // features/report/draft-checks.ts) is counted apart from what the page runs.
    const isRun = req.resourceType() === 'script' || req.resourceType() === 'stylesheet'
    ;(isRun ? files : fetchedAhead).add(path.slice(1))
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  await browser.close()
  for (const file of files) fetchedAhead.delete(file)
  return Object.assign(files, { fetchedAhead })
}

/** `url` is the home page; `codeUrl` (optional) a window-code link, whose first load is reported beside. */
export async function measureBundles({ url, distDir, codeUrl }) {
  const assets = assetsOnDisk(distDir)
  const first = await firstLoadFiles(url)
  const codeFirst = codeUrl ? await firstLoadFiles(codeUrl) : new Set()
  const codeLoad = assets.filter((a) => codeFirst.has(a.file))
  const firstLoad = assets.filter((a) => first.has(a.file))
  const lazy = assets.filter((a) => !first.has(a.file))
  const sum = (xs, kind) => xs.filter((a) => a.file.endsWith(kind)).reduce((n, a) => n + a.gzip, 0)
  const contains = (xs, marker) => xs.some((a) => a.body.includes(marker))
  return {
    firstLoad,
    lazy,
    firstLoadJsGzip: sum(firstLoad, '.js'),
    firstLoadCssGzip: sum(firstLoad, '.css'),
    codeLoadJsGzip: codeUrl ? sum(codeLoad, '.js') : null,
    codeLoadCssGzip: codeUrl ? sum(codeLoad, '.css') : null,
    codeFetchedAheadJsGzip: codeUrl
      ? sum(
          assets.filter((a) => codeFirst.fetchedAhead?.has(a.file)),
          '.js',
        )
      : null,
    scannerInFirstLoad: contains(firstLoad, 'html5-qrcode'),
    staffInFirstLoad: firstLoad.some((a) => /staff/i.test(a.file)),
  }
}

/** One line per build ("before", "after"): first-load JS and CSS on `/` and on a window-code link. */
export function bundleSummary(byBuild) {
  return [
    '| build | `/` JS gzip KB | `/` CSS gzip KB | `/q/<token>` JS gzip KB | `/q/<token>` CSS gzip KB | `/q/<token>` JS fetched ahead, not run |',
    '|---|---|---|---|---|---|',
    ...Object.entries(byBuild).map(
      ([build, m]) =>
        `| ${build} | **${kb(m.firstLoadJsGzip)}** | ${kb(m.firstLoadCssGzip)} | ` +
        `**${m.codeLoadJsGzip === null ? '–' : kb(m.codeLoadJsGzip)}** | ` +
        `${m.codeLoadCssGzip === null ? '–' : kb(m.codeLoadCssGzip)} | ` +
        `${m.codeFetchedAheadJsGzip === null ? '–' : kb(m.codeFetchedAheadJsGzip)} |`,
    ),
    '',
    'Target: first-load JS on `/` ≤ 120 KB gzip. The window-code page’s figure is every script ' +
      'and stylesheet it runs until the network is idle after opening the link (it becomes the ' +
      'new draft’s form); beside it, the scripts the form fetches into the HTTP cache to run ' +
      'only when the owner edits or submits (its checks: zod and the contract).',
    '',
  ].join('\n')
}

export function bundleReport(m, byBuild = null) {
  const row = (a) => `| \`${a.file}\` | ${kb(a.raw)} | ${kb(a.gzip)} |`
  return [
    '## Bundle size (gzip -9)',
    '',
    `First load (every script and stylesheet Chromium requests while \`/\` loads, 360 px viewport): ` +
      `**${kb(m.firstLoadJsGzip)} KB JS** + ${kb(m.firstLoadCssGzip)} KB CSS (target ≤ 120 KB JS). ` +
      `html5-qrcode in the first load: **${m.scannerInFirstLoad ? 'yes' : 'no'}**; ` +
      `staff console in the first load: **${m.staffInFirstLoad ? 'yes' : 'no'}**.`,
    '',
    ...(byBuild ? [bundleSummary(byBuild)] : []),
    '| first-load file | raw KB | gzip KB |',
    '|---|---|---|',
    ...m.firstLoad.map(row),
    '',
    '| lazy chunk | raw KB | gzip KB |',
    '|---|---|---|',
    ...[...m.lazy].sort((a, b) => b.gzip - a.gzip).map(row),
    '',
  ].join('\n')
}
