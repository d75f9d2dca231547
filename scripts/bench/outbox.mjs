// How fast the outbox empties: 200 reports queued while offline in real Chromium, then the
// network comes back and the app's own flush (its `online` trigger, Web Lock, device
// registration, idempotency keys, completion handlers writing receipts) sends them to the real
// API: in batches of reports (`POST /api/reports/batch`), a few requests in flight. Nothing
// bench-only ships to users: the rows are written straight into the app's IndexedDB in the
// shape outbox.ts's `enqueue` writes (version 2's OutboxRow), which is what a page that queued
// 200 reports and was reloaded would hold.
import { randomUUID } from 'node:crypto'
import { chromium } from '@playwright/test'
import { fileURLToPath } from 'node:url'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/chromium.mjs'
import { startApp } from './serve.mjs'

const QUEUED = 200
const CPU_THROTTLING = 4
const DEADLINE_MS = 180_000

function reportRow(index, createdAt) {
  const id = randomUUID()
  const report = {
    id,
    category: 'help',
    title: `压测反映 ${index + 1}`,
    description: '门面装修许可办理时间过长，希望了解进度。',
    business: {
      name: '南宁市测试商贸有限公司',
      creditCode: '91450100MA5K00001X',
      kind: 'enterprise',
      creditCodeConfirmed: true,
    },
    contact: { name: '李四', phone: '13800000000' },
    divisionCode: '450100',
    confidential: false,
  }
  return {
    id,
    method: 'POST',
    path: '/reports',
    body: { kind: 'json', value: report },
    after: null,
    draftId: id,
    createdAt,
    attempts: 0,
    nextAttemptAt: 0,
    lastError: null,
  }
}

// Runs in the page (serialized alone, so self-contained): queues `rows` into the app's own
// database, or counts what waits, with the receipts' numbers when asked.
function inPage({ rows = [], withReceipts = false }) {
  return new Promise((resolve, reject) => {
    const open = globalThis.indexedDB.open('guishang')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const db = open.result
      const tx = db.transaction(['outbox', 'receipts'], rows.length ? 'readwrite' : 'readonly')
      const result = {}
      rows.forEach((row) => tx.objectStore('outbox').put(row))
      tx.objectStore('outbox').count().onsuccess = (e) => (result.waiting = e.target.result)
      if (withReceipts) {
        tx.objectStore('receipts').getAll().onsuccess = (e) =>
          (result.numbers = e.target.result.map((receipt) => receipt.number))
      }
      tx.oncomplete = () => {
        db.close()
        resolve(result)
      }
      tx.onerror = () => reject(tx.error)
    }
  })
}

async function measureOnce(browser, url, cpuThrottling) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  // The drafts screen opens the database (Dexie creates it at version 2, which IndexedDB
  // reports as 20); the home screen never touches it.
  await page.goto(`${url}/drafts`)
  // (waitForFunction would not wait: it takes the promise itself as the truthy answer.)
  const isCreated = () =>
    page.evaluate(async () =>
      (await globalThis.indexedDB.databases()).some(
        (db) => db.name === 'guishang' && db.version >= 20,
      ),
    )
  while (!(await isCreated())) await new Promise((resolve) => setTimeout(resolve, 50))
  await context.setOffline(true)
  const start = Date.now() - 60_000
  const rows = Array.from({ length: QUEUED }, (_, i) => reportRow(i, start + i))
  await page.evaluate(inPage, { rows })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling })
  const t0 = Date.now()
  await context.setOffline(false)
  for (;;) {
    const { waiting } = await page.evaluate(inPage, {})
    if (waiting === 0) break
    if (Date.now() - t0 > DEADLINE_MS) throw new Error(`outbox still holds ${waiting}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const seconds = (Date.now() - t0) / 1000
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  const { numbers } = await page.evaluate(inPage, { withReceipts: true })
  await context.close()
  return {
    cpuThrottling,
    seconds,
    perSecond: QUEUED / seconds,
    receipts: numbers.length,
    distinctTickets: new Set(numbers).size,
  }
}

/** Sends 200 queued reports to the API at `url`, at 4× CPU throttling and without. */
export async function measureOutbox({ url, log = console.log }) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  try {
    const runs = []
    for (const rate of [CPU_THROTTLING, 1]) {
      const run = await measureOnce(browser, url, rate)
      log(
        `bench: outbox at ${rate}× CPU: ${QUEUED} reports in ${run.seconds.toFixed(1)} s, ` +
          `${run.perSecond.toFixed(1)} reports/s, ${run.distinctTickets} distinct tickets`,
      )
      runs.push(run)
    }
    return { queued: QUEUED, runs }
  } finally {
    await browser.close()
  }
}

/** `byBuild` is { before?, after } of measureOutbox results (or one result, shown as "this build"). */
export function outboxReport(byBuild) {
  const builds = 'runs' in byBuild ? { 'this build': byBuild } : byBuild
  const m = Object.values(builds)[0]
  const rows = Object.entries(builds).flatMap(([build, each]) =>
    each.runs.map(
      (r) =>
        `| ${build} | ${r.cpuThrottling}× | ${r.seconds.toFixed(1)} s | **${r.perSecond.toFixed(1)}** | ` +
        `${r.receipts} / ${r.distinctTickets} |`,
    ),
  )
  return [
    '## Outbox throughput',
    '',
    `${m.queued} reports queued offline in Chromium (written into the app's IndexedDB as ` +
      '`enqueue` writes them), then the network comes back and the app sends them itself to the ' +
      'local API (rate limits off), a few requests in flight (`FLUSH_CONCURRENCY`, never two of ' +
      'one ticket), each carrying up to `FLUSH_BATCH_SIZE` reports (`POST /api/reports/batch`, ' +
      'each report keyed and answered on its own; earlier builds sent one report per request). ' +
      'The server is freshly started, so the 4× run also meets it cold. Timed from going online ' +
      'until the outbox is empty; receipts are what the completion handlers stored, one per ticket. ' +
      'CPU throttling through CDP `Emulation.setCPUThrottlingRate`.',
    '',
    '| build | CPU | time | reports/s | receipts / distinct tickets |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    'Target: ≥ 50 reports/s at 4× CPU.',
    '',
  ].join('\n')
}

// `node scripts/bench/outbox.mjs`: this suite alone, printed (docs/BENCHMARKS.md is untouched).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const app = await startApp({ port: 4181, env: { RATE_LIMITS: 'off' } })
  try {
    console.log(`\n${outboxReport(await measureOutbox({ url: app.url }))}`)
  } finally {
    await app.stop()
  }
}
