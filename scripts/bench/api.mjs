// The API under load: POST /api/reports (a fresh client UUID per request, a few devices) and
// GET /api/tickets/:id (a random one of the owner's tickets), autocannon with 50 connections for
// 10 s each, on the compiled server over SQLite (synchronous=FULL) with RATE_LIMITS=off. In the
// same run a bare node:http server answering a constant JSON is the ceiling. The cases take turns
// round after round, so the machine's noise falls on all of them alike; medians are reported.
//   node scripts/bench/api.mjs [rounds] [seconds]     on its own, printing the section
//   API_BENCH_NODE_ARGS=--cpu-prof node scripts/bench/api.mjs   profile the server (cwd: .bench)
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { API, ROOT, buildIfStale } from '../build-if-stale.mjs'
import { median } from './stats.mjs'

// BENCH_API_PORT moves the three (API, +1, +3) off ports another run uses.
const API_PORT = Number(process.env.BENCH_API_PORT ?? 4195) // not 4190: fetch refuses it (a "bad port", ManageSieve)
const CEILING_PORT = API_PORT + 1
const FRAMEWORK_PORT = API_PORT + 3
const DEVICES = 5
const TICKETS = 200
// Issue #20: a create at ≥ 1000 req/s with p99 ≤ 50 ms; an owner's ticket read at ≥ 40 % of
// GET /api/health's rate in the same run (health is what the stack leaves before any work).
const TARGETS = { createRps: 1000, createP99Ms: 50, getShareOfHealth: 0.4 }
const CEILING_SOURCE = `require('node:http').createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
  res.end('{"ok":true,"service":"ceiling"}')
}).listen(${CEILING_PORT}, '127.0.0.1')`
// The framework alone: Fastify as the API builds it (no logger), one route, no hooks, no database.
const FRAMEWORK_SOURCE = `const app = require('fastify')({ logger: false })
app.get('/', async () => ({ ok: true, service: 'framework' }))
app.listen({ port: ${FRAMEWORK_PORT}, host: '127.0.0.1' })`

const REPORT = {
  category: 'help',
  title: '压测：门面装修许可办理时间过长',
  description: '提交材料两周仍未受理，希望了解进度。',
  business: {
    name: '南宁市测试商贸有限公司',
    creditCode: '91450100MA5K00000B',
    kind: 'enterprise',
  },
  contact: { name: '李四', phone: '13800000000' },
  divisionCode: '450103',
  confidential: false,
}
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)]

async function waitFor(url, child, log) {
  const deadline = Date.now() + 120_000
  let last = 'no attempt'
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log()}`)
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      if (res.ok) return
      last = `status ${res.status}`
    } catch (error) {
      last = String(error?.cause ?? error) // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`no answer from ${url} (${last}):\n${log()}`)
}

function run(args, env, cwd = ROOT) {
  const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const stop = async () => {
    if (child.exitCode !== null) return
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
  return { child, log: () => output, stop }
}

/** The compiled API on a throwaway SQLite store, and the ceiling server. */
async function startServers(nodeArgs) {
  buildIfStale(API)
  const dataDir = mkdtempSync(join(tmpdir(), 'guishang-bench-api-'))
  const profileDir = join(ROOT, '.bench')
  mkdirSync(profileDir, { recursive: true })
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    PORT: String(API_PORT),
    DATA_DIR: dataDir,
    STATIC_DIR: join(dataDir, 'no-pwa'),
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'warn',
  }
  const server = join(ROOT, 'build', 'api', 'server.js')
  const api = run([...nodeArgs, server], env, profileDir)
  const ceiling = run(['-e', CEILING_SOURCE], { PATH: process.env.PATH })
  const framework = run(['-e', FRAMEWORK_SOURCE], { PATH: process.env.PATH })
  const apiUrl = `http://127.0.0.1:${API_PORT}`
  const ceilingUrl = `http://127.0.0.1:${CEILING_PORT}`
  const frameworkUrl = `http://127.0.0.1:${FRAMEWORK_PORT}`
  const stop = async () => {
    await Promise.all([api.stop(), ceiling.stop(), framework.stop()])
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitFor(`${apiUrl}/api/health`, api.child, api.log)
    await waitFor(ceilingUrl, ceiling.child, ceiling.log)
    await waitFor(frameworkUrl, framework.child, framework.log)
  } catch (error) {
    await stop()
    throw error
  }
  return { apiUrl, ceilingUrl, frameworkUrl, stop }
}

async function post(url, path, headers, body) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return res.json()
}

/** A few registered devices, and the first one's tickets to read back. */
async function prepare(apiUrl) {
  const credentials = []
  for (let i = 0; i < DEVICES; i++) {
    const { credential } = await post(apiUrl, '/api/devices', {})
    credentials.push(`Bearer ${credential}`)
  }
  const owner = credentials[0]
  const ticketIds = []
  for (let i = 0; i < TICKETS; i++) {
    const ticket = await post(
      apiUrl,
      '/api/reports',
      { authorization: owner },
      { ...REPORT, id: randomUUID() },
    )
    ticketIds.push(ticket.id)
  }
  return { credentials, owner, ticketIds }
}

function cases({ apiUrl, ceilingUrl, frameworkUrl }, { credentials, owner, ticketIds }) {
  return [
    {
      name: 'POST /api/reports',
      url: apiUrl,
      requests: [
        {
          method: 'POST',
          path: '/api/reports',
          setupRequest: (req) => ({
            ...req,
            headers: {
              ...req.headers,
              'content-type': 'application/json',
              authorization: pick(credentials),
            },
            body: JSON.stringify({ ...REPORT, id: randomUUID() }),
          }),
        },
      ],
    },
    {
      name: 'GET /api/tickets/:id',
      url: apiUrl,
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => ({
            ...req,
            path: `/api/tickets/${pick(ticketIds)}`,
            headers: { ...req.headers, authorization: owner },
          }),
        },
      ],
    },
    {
      // What this stack (fastify, security headers, one trivial query) gives before any work.
      name: 'GET /api/health (no auth, `select 1`)',
      url: apiUrl,
      requests: [{ method: 'GET', path: '/api/health' }],
    },
    {
      name: 'bare Fastify, constant JSON',
      url: frameworkUrl,
      requests: [{ method: 'GET', path: '/' }],
    },
    {
      name: 'ceiling: bare node:http, constant JSON',
      url: ceilingUrl,
      requests: [{ method: 'GET', path: '/' }],
    },
  ]
}

const load = ({ url, requests }, { connections, duration }) =>
  autocannon({ url, requests, connections, duration })

const summary = (result) => ({
  rps: result.requests.average,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts,
  non2xx: result.non2xx,
})

export async function measureApi({
  rounds = 3,
  duration = 10,
  connections = 50,
  nodeArgs = (process.env.API_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
  log = console.log,
} = {}) {
  const servers = await startServers(nodeArgs)
  try {
    const all = cases(servers, await prepare(servers.apiUrl))
    for (const c of all) await load(c, { connections, duration: 2 })
    const runs = all.map(() => [])
    for (let round = 1; round <= rounds; round++) {
      for (const [index, c] of all.entries()) {
        const s = summary(await load(c, { connections, duration }))
        log(`bench: api round ${round} ${c.name}: ${Math.round(s.rps)} req/s, p99 ${s.p99} ms`)
        runs[index].push(s)
      }
    }
    const results = all.map((c, index) => ({
      name: c.name,
      runs: runs[index],
      rps: median(runs[index].map((s) => s.rps)),
      p50: median(runs[index].map((s) => s.p50)),
      p99: median(runs[index].map((s) => s.p99)),
      errors: runs[index].reduce((n, s) => n + s.errors, 0),
      non2xx: runs[index].reduce((n, s) => n + s.non2xx, 0),
    }))
    return { rounds, duration, connections, results }
  } finally {
    await servers.stop()
  }
}

const pct = (x) => `${Math.round(x * 100)} %`
const met = (ok) => (ok ? 'met' : '**missed**')

export function apiReport(m) {
  const [create, get, health, framework, ceiling] = m.results
  const createShare = create.rps / ceiling.rps
  const getShare = get.rps / ceiling.rps
  const getShareOfHealth = get.rps / health.rps
  const row = (r, share) =>
    `| ${r.name} | **${Math.round(r.rps)}** | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} | ${share} | ` +
    `${r.runs.map((s) => Math.round(s.rps)).join(' / ')} |`
  return [
    '## API throughput (autocannon)',
    '',
    `The compiled server on SQLite (WAL, \`synchronous=FULL\`) with \`RATE_LIMITS=off\`, ` +
      `${m.connections} connections, ${m.duration} s per run, ${m.rounds} rounds taking turns; ` +
      'medians of the rounds (errors and non-2xx summed). Each created report is a new ticket ' +
      '(fresh client UUID, one of 5 devices); each read is a random one of 200 tickets of one owner. ' +
      'The ceiling is a bare `node:http` server answering a constant JSON in the same run; ' +
      '`GET /api/health` (no credential, one `select 1`) shows what the stack itself leaves of it, ' +
      'and a bare Fastify route what the framework leaves. ' +
      'Load generator and servers share this machine’s cores.',
    '',
    '| case | req/s | p50 ms | p99 ms | errors | non-2xx | vs ceiling | req/s per round |',
    '|---|---|---|---|---|---|---|---|',
    row(create, pct(createShare)),
    row(get, pct(getShare)),
    row(health, pct(health.rps / ceiling.rps)),
    row(framework, pct(framework.rps / ceiling.rps)),
    row(ceiling, '100 %'),
    '',
    `Targets: create ≥ ${TARGETS.createRps} req/s with p99 ≤ ${TARGETS.createP99Ms} ms: ` +
      `${met(create.rps >= TARGETS.createRps && create.p99 <= TARGETS.createP99Ms)} ` +
      `(${Math.round(create.rps)} req/s, p99 ${create.p99} ms); ` +
      `ticket read ≥ ${pct(TARGETS.getShareOfHealth)} of \`GET /api/health\` in the same run: ` +
      `${met(getShareOfHealth >= TARGETS.getShareOfHealth)} ` +
      `(${Math.round(get.rps)} of ${Math.round(health.rps)} req/s, ${pct(getShareOfHealth)}).`,
    '',
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [rounds, duration] = process.argv.slice(2).map(Number)
  const m = await measureApi({ rounds: rounds || 3, duration: duration || 10 })
  console.log(`\n${apiReport(m)}`)
}
