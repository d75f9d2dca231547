// `npm run bench -- scale`: the province deployment on this machine, loopback only. Three
// compiled API instances on one fresh PostgreSQL database behind Debian's nginx configured from
// deploy/nginx/guishang.conf; up to 5,000 owners each holding one live stream through nginx.
//   1. steady: 10× the province's peak (see docs/scale.md for the arithmetic) for STEADY_S:
//      reports, desk accepts, owner reads at fixed rates (open loop).
//   2. headroom: as fast as WORKERS closed-loop clients go, same routes, for HEADROOM_S; an
//      instance is SIGKILLed halfway: its streams reconnect through nginx with Last-Event-ID.
//   3. check: every stream got every event of its owner's tickets (none missed, none twice),
//      every acknowledged report is stored and every acknowledged accept took effect.
// Desk accepts go straight to instance 1, so a stream on instance 2 or 3 measures the fan-out
// across instances (commit → received): the event's `at` (taken inside the writing transaction,
// so the figure includes the commit) to its arrival. Bounded: about three minutes.
//   node scripts/bench/scale.mjs [streams]     on its own, printing the section
import { spawn, spawnSync } from 'node:child_process'
import { randomUUID, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { get as httpGet, request as httpRequest, Agent } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { API, ROOT, buildIfStale } from '../build-if-stale.mjs'
import { startNginx } from '../nginx-front.mjs'
import { percentile } from './stats.mjs'

const NGINX_PORT = 4370
const INSTANCE_PORTS = [4371, 4372, 4373]
const PASSWORD = 'scale-bench-demo-password'
const STEADY_S = Number(process.env.SCALE_SECONDS ?? 30)
const HEADROOM_S = Number(process.env.SCALE_SECONDS ?? 30)
const WORKERS = 24
const PRE_TICKETS = Number(process.env.SCALE_TICKETS ?? 1_500)
/** 10× the province's peak (docs/scale.md): per second. */
const STEADY = { creates: 1, accepts: 4, reads: 90 }
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/'

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

const IDLE_S = 15

/** CPU seconds (user + system) a process used so far, from /proc. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return 0
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const pick = (xs) => xs[Math.floor(Math.random() * xs.length)]
const dbUrl = (name) => {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return url.toString()
}

function softFileLimit() {
  const out = spawnSync('sh', ['-c', 'ulimit -Sn'], { encoding: 'utf8' }).stdout.trim()
  return out === 'unlimited' ? Infinity : Number(out)
}

async function admin(statement) {
  const client = new pg.Client({ connectionString: dbUrl('postgres') })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}

function startInstance(port, env) {
  const child = spawn(process.execPath, [join(ROOT, 'build', 'api', 'server.js')], {
    cwd: ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (chunk) => (log += chunk))
  child.stderr.on('data', (chunk) => (log += chunk))
  return { port, child, log: () => log, url: `http://127.0.0.1:${port}` }
}

async function waitReady(instance) {
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (instance.child.exitCode !== null) throw new Error(`instance exited:\n${instance.log()}`)
    try {
      if ((await fetch(`${instance.url}/api/ready`)).ok) return
    } catch {
      // not listening yet
    }
    await sleep(200)
  }
  throw new Error(`instance ${instance.port} not ready:\n${instance.log()}`)
}

const parseJson = (text) => {
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return null
  }
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 })

/** One JSON request; resolves to { status, body, ms, upstream } (status 0: network error). */
function call(base, method, path, { headers = {}, body } = {}) {
  const started = performance.now()
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = httpRequest(`${base}${path}`, {
      method,
      agent,
      headers: {
        ...headers,
        ...(payload
          ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
          : {}),
      },
    })
    req.setTimeout(30_000, () => req.destroy(new Error('timeout')))
    req.on('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => {
        const parsed = parseJson(text)
        resolve({
          status: res.statusCode ?? 0,
          body: parsed,
          ms: performance.now() - started,
          upstream: String(res.headers['x-upstream'] ?? ''),
          cookie: res.headers['set-cookie']?.[0]?.split(';')[0],
        })
      })
      res.on('error', () => resolve({ status: 0, body: null, ms: performance.now() - started }))
    })
    req.on('error', () => resolve({ status: 0, body: null, ms: performance.now() - started }))
    req.end(payload)
  })
}

async function inBatches(items, size, work) {
  const out = []
  for (let i = 0; i < items.length; i += size) {
    out.push(...(await Promise.all(items.slice(i, i + size).map(work))))
  }
  return out
}

const portOfUpstream = (upstream) => Number(upstream.split(', ').at(-1)?.split(':').pop())

/**
 * One owner's live stream through nginx, reconnecting with Last-Event-ID when it ends (as
 * EventSource does, after a spread-out pause).
 */
function ownerStream(base, owner, onEvent) {
  const state = {
    owner,
    port: 0,
    lastId: null,
    startId: null,
    received: [],
    reconnects: 0,
    open: false,
    closed: false,
    request: null,
  }
  const connect = () =>
    new Promise((resolve) => {
      const headers = { authorization: owner.authorization }
      if (state.lastId !== null) headers['last-event-id'] = String(state.lastId)
      const req = httpGet(`${base}/api/events`, { headers, agent: false }, (res) => {
        if (res.statusCode !== 200) {
          res.resume()
          res.on('end', () => retry(resolve))
          return
        }
        state.port = portOfUpstream(String(res.headers['x-upstream'] ?? ''))
        state.open = true
        let buffered = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => {
          buffered += chunk
          let end
          while ((end = buffered.indexOf('\n\n')) !== -1) {
            const block = buffered.slice(0, end)
            buffered = buffered.slice(end + 2)
            let id = null
            let event = null
            let data = null
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) id = Number(line.slice(4))
              else if (line.startsWith('event: ')) event = line.slice(7)
              else if (line.startsWith('data: ')) data = line.slice(6)
            }
            if (event === 'ready') {
              if (state.startId === null) state.startId = id
              state.lastId = id
              resolve()
            } else if (event === 'ticket') {
              state.lastId = id
              state.received.push(id)
              onEvent(state, id, JSON.parse(data))
            }
          }
        })
        res.on('close', () => {
          state.open = false
          retry(resolve)
        })
      })
      state.request = req
      req.on('error', () => retry(resolve))
    })
  const retry = (resolve) => {
    if (state.closed) return resolve()
    state.reconnects += 1
    setTimeout(() => void connect().then(resolve), 500 + Math.random() * 2_500)
  }
  return {
    state,
    start: connect,
    close: () => {
      state.closed = true
      state.request?.destroy()
    },
  }
}

function routeStats() {
  const routes = new Map()
  return {
    add(route, result) {
      const r = routes.get(route) ?? { ms: [], ok: 0, errors: 0 }
      routes.set(route, r)
      if (result.status >= 200 && result.status < 300) {
        r.ok += 1
        r.ms.push(result.ms)
      } else r.errors += 1
    },
    summary(seconds) {
      return [...routes].map(([route, r]) => ({
        route,
        rps: r.ok / seconds,
        p50: percentile(r.ms, 50) ?? 0,
        p99: percentile(r.ms, 99) ?? 0,
        ok: r.ok,
        errors: r.errors,
      }))
    },
  }
}

export async function measureScale({ streams: wanted = 5_000, log = console.log } = {}) {
  const limit = softFileLimit()
  // Each stream is one socket here; keep room for the request sockets, pipes and files.
  const streams = Math.min(wanted, Math.floor((limit - 1_000) / 1.1))
  if (streams < wanted)
    log(`bench: scale: ulimit -n is ${limit}: ${streams} streams, not ${wanted}`)
  buildIfStale(API)
  const loadAtStart = loadavg()[0]
  const name = `guishang_bench_${randomBytes(5).toString('hex')}`
  await admin(`create database ${name}`)
  const dataDir = mkdtempSync(join(tmpdir(), 'guishang-bench-scale-'))
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    HOST: '127.0.0.1',
    DATABASE_URL: dbUrl(name),
    DATA_DIR: dataDir,
    STATIC_DIR: join(dataDir, 'no-pwa'),
    DEMO_PASSWORD: PASSWORD,
    RATE_LIMITS: 'off',
    TRUST_PROXY: 'on',
    LOG_LEVEL: 'warn',
    PG_POOL_SIZE: '10',
  }
  const instances = INSTANCE_PORTS.map((port) => startInstance(port, env))
  let nginx = null
  const db = new pg.Pool({ connectionString: dbUrl(name), max: 2 })
  const connections = []
  const sampler = setInterval(() => {
    db.query(
      `select count(*)::int as n, count(*) filter (where state = 'active')::int as active
         from pg_stat_activity where datname = $1`,
      [name],
    )
      .then(({ rows }) => connections.push(rows[0]))
      .catch(() => undefined)
  }, 1_000)
  const streamsOpen = []
  try {
    await Promise.all(instances.map(waitReady))
    nginx = await startNginx({
      port: NGINX_PORT,
      upstreams: instances.map((instance) => `127.0.0.1:${instance.port}`),
      exposeUpstream: true,
      workers: 2,
      connections: Math.max(4_096, streams * 2 + 1_000),
    })
    const base = nginx.url
    const writer = instances[0]

    log(`bench: scale: ${streams} owners…`)
    const owners = await inBatches(Array.from({ length: streams }), 50, async () => {
      const res = await call(base, 'POST', '/api/devices')
      if (res.status !== 201) throw new Error(`device: ${res.status} ${JSON.stringify(res.body)}`)
      return {
        deviceId: res.body.deviceId,
        authorization: `Bearer ${res.body.credential}`,
        tickets: [],
      }
    })
    const desk = await call(writer.url, 'POST', '/api/staff/session', {
      body: { username: 'desk.nanning', password: PASSWORD },
    })
    if (desk.status !== 200) throw new Error(`desk sign-in: ${desk.status}`)
    const deskHeaders = { cookie: desk.cookie }

    log(`bench: scale: ${PRE_TICKETS} tickets to accept later…`)
    const submitted = []
    await inBatches(
      Array.from({ length: PRE_TICKETS }, (_, i) => i),
      25,
      async (i) => {
        const owner = owners[i % owners.length]
        const res = await call(base, 'POST', '/api/reports', {
          headers: { authorization: owner.authorization },
          body: { ...REPORT, id: randomUUID() },
        })
        if (res.status !== 201) throw new Error(`report: ${res.status}`)
        owner.tickets.push(res.body.id)
        submitted.push(res.body.id)
      },
    )

    log(`bench: scale: opening ${streams} streams through nginx…`)
    const fanout = { same: [], other: [] }
    const deadInstance = { port: 0, at: Infinity }
    const onEvent = (state, id, data) => {
      const latency = Date.now() - Date.parse(data.at)
      if (data.type !== 'accept') return
      ;(state.port === writer.port ? fanout.same : fanout.other).push(latency)
    }
    for (const owner of owners) streamsOpen.push(ownerStream(base, owner, onEvent))
    await inBatches(streamsOpen, 100, (stream) => stream.start())
    const perInstance = INSTANCE_PORTS.map(
      (port) => streamsOpen.filter((s) => s.state.port === port).length,
    )
    log(`bench: scale: streams per instance ${perInstance.join(' / ')}`)

    // Idle: streams open, nothing written. What the database still does is the streams' own
    // upkeep (each heartbeat re-checks its credential); the hubs, listening, do not poll.
    log(`bench: scale: idle with ${streams} streams for ${IDLE_S} s…`)
    const transactions = async () =>
      Number(
        (
          await db.query(
            'select xact_commit::bigint as n from pg_stat_database where datname = $1',
            [name],
          )
        ).rows[0].n,
      )
    const idleBefore = await transactions()
    const idleCpuBefore = instances.map((instance) => cpuSeconds(instance.child.pid))
    await sleep(IDLE_S * 1_000)
    const idle = {
      seconds: IDLE_S,
      // The two stats queries themselves are 2 transactions.
      transactionsPerSecond: ((await transactions()) - idleBefore - 2) / IDLE_S,
      cpuShare: instances.map(
        (instance, index) => (cpuSeconds(instance.child.pid) - idleCpuBefore[index]) / IDLE_S,
      ),
    }

    const acknowledged = { reports: [], accepts: [] }
    const ops = {
      async create(stats) {
        const owner = pick(owners)
        const id = randomUUID()
        const res = await call(base, 'POST', '/api/reports', {
          headers: { authorization: owner.authorization },
          body: { ...REPORT, id },
        })
        stats.add('POST /api/reports', res)
        if (res.status === 201) {
          acknowledged.reports.push(id)
          owner.tickets.push(id)
        }
      },
      async accept(stats) {
        const id = submitted.pop()
        if (!id) return
        const res = await call(writer.url, 'POST', `/api/staff/tickets/${id}/events`, {
          headers: deskHeaders,
          body: { type: 'accept' },
        })
        stats.add('POST /api/staff/tickets/:id/events (accept)', res)
        if (res.status === 200) acknowledged.accepts.push(id)
      },
      async read(stats) {
        const owner = pick(owners)
        const headers = { authorization: owner.authorization }
        if (Math.random() < 0.5 && owner.tickets.length > 0) {
          stats.add(
            'GET /api/tickets/:id',
            await call(base, 'GET', `/api/tickets/${pick(owner.tickets)}`, { headers }),
          )
        } else {
          stats.add('GET /api/tickets', await call(base, 'GET', '/api/tickets', { headers }))
        }
      },
    }

    log(`bench: scale: steady 10× peak for ${STEADY_S} s…`)
    const steady = routeStats()
    const steadyEnd = Date.now() + STEADY_S * 1_000
    const inflight = new Set()
    const fire = (promise) => {
      inflight.add(promise)
      void promise.finally(() => inflight.delete(promise))
    }
    const tickers = Object.entries(STEADY).map(([kind, perSecond]) => {
      const op = { creates: ops.create, accepts: ops.accept, reads: ops.read }[kind]
      return setInterval(() => fire(op(steady)), 1_000 / perSecond)
    })
    await sleep(steadyEnd - Date.now())
    tickers.forEach(clearInterval)
    await Promise.all(inflight)
    const steadyFanout = { same: [...fanout.same], other: [...fanout.other] }
    fanout.same.length = 0
    fanout.other.length = 0

    log(
      `bench: scale: headroom, ${WORKERS} clients for ${HEADROOM_S} s, killing an instance halfway…`,
    )
    const headroom = routeStats()
    const headroomEnd = Date.now() + HEADROOM_S * 1_000
    const victim = instances[2]
    const killer = setTimeout(
      () => {
        deadInstance.port = victim.port
        deadInstance.at = Date.now()
        victim.child.kill('SIGKILL')
        log(`bench: scale: killed the instance on ${victim.port}`)
      },
      (HEADROOM_S * 1_000) / 2,
    )
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (Date.now() < headroomEnd) {
          const r = Math.random()
          await (r < 0.2 ? ops.create : r < 0.35 ? ops.accept : ops.read)(headroom)
        }
      }),
    )
    clearTimeout(killer)
    const victimStreams = perInstance[2]

    log('bench: scale: letting streams settle, then checking…')
    const settleEnd = Date.now() + 20_000
    while (Date.now() < settleEnd && streamsOpen.some((s) => !s.state.open)) await sleep(500)
    await sleep(2_000)
    // Every stream against the store: its owner's events after where it started.
    const { rows: deviceOwners } = await db.query('select id, owner_id from devices')
    const ownerOfDevice = new Map(deviceOwners.map((row) => [row.id, row.owner_id]))
    const { rows: events } = await db.query(
      'select id::bigint as id, owner_id from ticket_events order by id',
    )
    const byOwner = new Map()
    for (const row of events) {
      const list = byOwner.get(row.owner_id) ?? []
      list.push(Number(row.id))
      byOwner.set(row.owner_id, list)
    }
    let missed = 0
    let duplicated = 0
    let delivered = 0
    for (const stream of streamsOpen) {
      const expected = (byOwner.get(ownerOfDevice.get(stream.state.owner.deviceId)) ?? []).filter(
        (id) => id > (stream.state.startId ?? 0),
      )
      const got = new Set(stream.state.received)
      delivered += stream.state.received.length
      duplicated += stream.state.received.length - got.size
      missed += expected.filter((id) => !got.has(id)).length
    }
    const reconnected = streamsOpen.filter((s) => s.state.reconnects > 0).length
    const stillClosed = streamsOpen.filter((s) => !s.state.open).length
    const { rows: storedReports } = await db.query('select id from tickets where id = any($1)', [
      acknowledged.reports,
    ])
    const { rows: acceptedRows } = await db.query(
      `select id from tickets where id = any($1) and status <> 'submitted'`,
      [acknowledged.accepts],
    )
    return {
      streams,
      perInstance,
      idle,
      load: [loadAtStart, loadavg()[0]],
      steady: { seconds: STEADY_S, routes: steady.summary(STEADY_S), fanout: steadyFanout },
      headroom: {
        seconds: HEADROOM_S,
        workers: WORKERS,
        routes: headroom.summary(HEADROOM_S),
        fanout: { ...fanout },
      },
      kill: {
        victimStreams,
        reconnected,
        stillClosed,
        delivered,
        missed,
        duplicated,
        reportsAcknowledged: acknowledged.reports.length,
        reportsLost: acknowledged.reports.length - storedReports.length,
        acceptsAcknowledged: acknowledged.accepts.length,
        acceptsLost: acknowledged.accepts.length - acceptedRows.length,
      },
      connections: {
        max: Math.max(0, ...connections.map((c) => c.n)),
        maxActive: Math.max(0, ...connections.map((c) => c.active)),
      },
    }
  } finally {
    clearInterval(sampler)
    for (const stream of streamsOpen) stream.close()
    agent.destroy()
    await nginx?.stop()
    await Promise.all(
      instances.map(
        (instance) =>
          new Promise((resolve) => {
            if (instance.child.exitCode !== null || instance.child.signalCode !== null)
              return resolve()
            instance.child.once('exit', resolve)
            instance.child.kill('SIGTERM')
          }),
      ),
    )
    await db.end()
    await admin(`drop database if exists ${name} with (force)`)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

const ms = (x) => (x === undefined ? '–' : `${Math.round(x)}`)

export function scaleReport(m) {
  const routeRows = (routes, seconds) =>
    routes.map(
      (r) =>
        `| ${r.route} | ${(r.ok / seconds).toFixed(1)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} |`,
    )
  const fan = (xs) =>
    `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 99))} ms (${xs.length} events)`
  const creates = (routes) => routes.find((r) => r.route === 'POST /api/reports')
  const k = m.kill
  return [
    '## Province scale (PostgreSQL, nginx, 3 instances)',
    '',
    `\`npm run bench -- scale\`: three compiled API instances (\`PG_POOL_SIZE=10\`) on one fresh ` +
      'PostgreSQL 15 database behind Debian’s nginx configured from `deploy/nginx/guishang.conf`, ' +
      `all on this machine with the load generator. ${m.streams} owners each hold one live stream ` +
      `through nginx (per instance: ${m.perInstance.join(' / ')}). Desk accepts go to instance 1; ` +
      'fan-out is the event’s `at` (inside the writing transaction) to its arrival on a stream.',
    '',
    `Machine load average (1 min) at start / end: ${m.load.map((x) => x.toFixed(1)).join(' / ')} on ` +
      '2 cores shared with other work: latencies below include waiting for a core.',
    '',
    `**Idle** (${m.streams} streams open, nothing written, ${m.idle.seconds} s): PostgreSQL ` +
      `${m.idle.transactionsPerSecond.toFixed(0)} transactions/s (the streams’ heartbeat credential ` +
      'checks: the hubs do not poll while they listen); instance CPU ' +
      `${m.idle.cpuShare.map((x) => `${Math.round(x * 100)} %`).join(' / ')} of a core.`,
    '',
    `**Steady, 10× the province’s peak** (${m.steady.seconds} s, open loop; rates in docs/scale.md):`,
    '',
    '| route | ok/s | p50 ms | p99 ms | errors |',
    '|---|---|---|---|---|',
    ...routeRows(m.steady.routes, m.steady.seconds),
    '',
    `Fan-out p50 / p99: same instance ${fan(m.steady.fanout.same)}; **other instance ${fan(m.steady.fanout.other)}**.`,
    '',
    `**Headroom** (${m.headroom.workers} closed-loop clients, ${m.headroom.seconds} s, 20 % reports / ` +
      '15 % accepts / 65 % owner reads; one instance SIGKILLed halfway, its errors included):',
    '',
    '| route | ok/s | p50 ms | p99 ms | errors |',
    '|---|---|---|---|---|',
    ...routeRows(m.headroom.routes, m.headroom.seconds),
    '',
    `Creates: **${(creates(m.headroom.routes)?.rps ?? 0).toFixed(1)}/s** under headroom load with ` +
      `${m.streams} streams open. Fan-out p50 / p99: same instance ${fan(m.headroom.fanout.same)}; ` +
      `other instance ${fan(m.headroom.fanout.other)}.`,
    '',
    `**Killed instance:** ${m.perInstance[2]} streams were on it; ${k.reconnected} streams reconnected ` +
      `through nginx (${k.stillClosed} still closed at the end); ${k.delivered} events delivered, ` +
      `**${k.missed} missed, ${k.duplicated} twice**. Acknowledged writes: ${k.reportsAcknowledged} reports, ` +
      `**${k.reportsLost} lost**; ${k.acceptsAcknowledged} accepts, **${k.acceptsLost} lost**. ` +
      'Requests in flight on the killed instance fail (the errors above); the app resends those.',
    '',
    `PostgreSQL connections of the run (sampled each second): at most **${m.connections.max}** ` +
      `(3 × 10 pooled + 3 listening + the bench’s own), at most ${m.connections.maxActive} active at once.`,
    '',
  ].join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const streams = Number(process.argv[2] ?? 5_000)
  const result = await measureScale({ streams })
  console.log(JSON.stringify(result.kill))
  console.log(scaleReport(result))
}
