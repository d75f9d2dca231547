#!/usr/bin/env node
// `npm run bench`: measures size and speed and rewrites docs/BENCHMARKS.md. Nothing here is a
// pass/fail test; the targets are written next to the figures. Only compare figures from one
// run: this machine is shared and noisy.
//   npm run bench                     every suite
//   npm run bench -- bundle lighthouse  only these suites (their sections are replaced, the others kept)
//   npm run bench -- scale              the province deployment (scripts/bench/scale.mjs)
//   npm run bench -- --before=../speed-before/dist   also measures an older build of the web app
//                                       (its dist/, served by this server) for the web suites
//                                       (bundle, lighthouse, outbox, form-ready, long-tasks): before and after
//                                       in one run
import { cpus, totalmem } from 'node:os'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { apiReport, measureApi } from './bench/api.mjs'
import { bundleReport, measureBundles } from './bench/bundle-size.mjs'
import { cameraReport, measureCamera } from './bench/camera.mjs'
import { draftSaveReport, measureDraftSave } from './bench/draft-save.mjs'
import { formReadyReport, measureFormReady } from './bench/form-ready.mjs'
import { lighthouseReport, measureLighthouse } from './bench/lighthouse.mjs'
import { longTasksReport, measureLongTasks } from './bench/long-tasks.mjs'
import { measureOutbox, outboxReport } from './bench/outbox.mjs'
import { measureScale, scaleReport } from './bench/scale.mjs'
import { PUSH_PORT, measurePush, pushReport } from './bench/push.mjs'
import { startApp } from './bench/serve.mjs'

// BENCH_PORT moves the app (and the before build, two above) off ports another run uses.
const PORT = Number(process.env.BENCH_PORT ?? 4180)
const BEFORE_PORT = PORT + 2
const args = process.argv.slice(2)
const beforeDist = args.find((arg) => arg.startsWith('--before='))?.slice('--before='.length)
const wanted = new Set(args.filter((arg) => !arg.startsWith('--')))
const runs = (name) => wanted.size === 0 || wanted.has(name)

const sections = []
// The suites that measure the demo server (`scale` and `api` start their own).
const usesApp = [
  'bundle',
  'lighthouse',
  'outbox',
  'form-ready',
  'long-tasks',
  'draft-save',
  'camera',
  'push',
].some(runs)
const app = usesApp
  ? await startApp({
      port: PORT,
      env: { RATE_LIMITS: 'off', PUSH_ENDPOINT_ORIGINS: `http://127.0.0.1:${PUSH_PORT}` },
    })
  : null
// The older build's web app, served by the same (current) server from its own data folder.
const beforeApp =
  usesApp && beforeDist
    ? await startApp({ port: BEFORE_PORT, env: { RATE_LIMITS: 'off', STATIC_DIR: beforeDist } })
    : null
/** The builds to measure: { before?, after }, each { app, distDir }. */
const builds = {
  ...(beforeApp ? { before: { app: beforeApp, distDir: beforeDist } } : {}),
  after: { app, distDir: 'dist' },
}
/** Each build's two pages, home and a window code's link: { label: { home, 'window-code' } }. */
const pagesOfBuilds = () =>
  Object.fromEntries(
    Object.entries(builds).map(([label, { app }]) => [
      label,
      { home: `${app.url}/`, 'window-code': app.codeUrl },
    ]),
  )
async function eachBuild(measure) {
  const out = {}
  for (const [name, build] of Object.entries(builds)) out[name] = await measure(build, name)
  return out
}
try {
  if (runs('bundle')) {
    console.log('bench: bundle sizes…')
    const byBuild = await eachBuild(({ app: { url, codeUrl }, distDir }) =>
      measureBundles({ url, codeUrl, distDir }),
    )
    sections.push(bundleReport(byBuild.after, byBuild))
  }
  if (runs('lighthouse')) {
    console.log('bench: lighthouse ×3 per page…')
    const byBuild = measureLighthouse({ builds: pagesOfBuilds() })
    sections.push(lighthouseReport(byBuild))
  }
  if (runs('form-ready')) {
    console.log('bench: window-code link to a form that saves, ×3…')
    sections.push(
      formReadyReport(
        await measureFormReady({
          codeUrls: Object.fromEntries(
            Object.entries(builds).map(([label, { app }]) => [label, app.codeUrl]),
          ),
        }),
      ),
    )
  }
  if (runs('long-tasks')) {
    console.log('bench: long tasks at start-up, traced ×3 per page…')
    sections.push(longTasksReport(await measureLongTasks({ builds: pagesOfBuilds() })))
  }
  if (runs('outbox')) {
    console.log('bench: outbox, 200 queued reports…')
    sections.push(outboxReport(await eachBuild(({ app: { url } }) => measureOutbox({ url }))))
  }
  if (runs('api')) {
    console.log('bench: API under load, 3 rounds × 10 s per case…')
    sections.push(apiReport(await measureApi()))
  }
  if (runs('draft-save')) {
    console.log('bench: draft save with 3 photos, 4x CPU throttling…')
    sections.push(draftSaveReport(await measureDraftSave({ url: app.url })))
  }
  if (runs('push')) {
    console.log('bench: Web Push, event committed → push received ×30…')
    sections.push(pushReport(await measurePush({ url: app.url })))
  }
  if (runs('camera')) {
    console.log('bench: camera start to decoded window code ×10…')
    sections.push(cameraReport(await measureCamera({ url: app.url })))
  }
  if (runs('scale')) {
    console.log(
      'bench: province scale, nginx + PostgreSQL + 3 instances, 5,000 streams (about 4 min)…',
    )
    sections.push(scaleReport(await measureScale()))
  }
} finally {
  await app?.stop()
  await beforeApp?.stop()
}

const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
    `Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB. ` +
    'The machine is shared and noisy: compare figures from the same run only.',
  '',
]
// A partial run replaces its own sections and keeps the others, marked as older: only figures
// from one run compare.
const FILE = 'docs/BENCHMARKS.md'
const OLDER = '_From an earlier run._'
const titleOf = (section) => section.split('\n', 1)[0]
const previous = existsSync(FILE)
  ? readFileSync(FILE, 'utf8')
      .split(/\n(?=## )/)
      .slice(1)
  : []
const fresh = new Set(sections.map(titleOf))
const kept = previous
  .filter((section) => !fresh.has(titleOf(section)))
  .map((section) => {
    const body = section.trimEnd()
    return body.includes(OLDER) ? `${body}\n` : `${body}\n\n${OLDER}\n`
  })
writeFileSync(FILE, [...header, ...sections, ...kept].join('\n'))
console.log('bench: wrote docs/BENCHMARKS.md')
