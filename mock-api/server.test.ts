import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { databases } from './test/databases.js'
import type { RunningServer } from './test/processes.js'
import { runToEnd, startServer } from './test/processes.js'
import { SQLITE_FILE } from './storage/database.js'
import { PRODUCTION_NOTIFICATIONS } from './test/production-env.js'

const SECRETS = {
  CODE_SECRET: 'c'.repeat(40),
  COOKIE_SECRET: 'k'.repeat(40),
  ...PRODUCTION_NOTIFICATIONS,
}
const DEMO_USERNAMES = [
  'desk.region',
  'desk.nanning',
  'desk.liuzhou',
  'unit.nanning.amr',
  'office.nanning',
  'office.region',
  'admin',
  'window.nanning',
  'station.qingxiu',
]

const folders: string[] = []
const freshDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'guishang-server-'))
  folders.push(dir)
  return dir
}
let server: RunningServer | undefined

afterEach(async () => {
  await server?.stop('SIGKILL')
  server = undefined
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function inspectSqlite(dataDir: string) {
  const file = join(dataDir, SQLITE_FILE)
  const wal = `${file}-wal`
  const sqlite = new BetterSqlite3(file, { readonly: true })
  try {
    const integrity = sqlite.pragma('integrity_check', { simple: true })
    const count = (table: string) =>
      (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
    const walBytes = existsSync(wal) ? statSync(wal).size : 0
    return { integrity, walBytes, staff: count('staff'), servicePoints: count('service_points') }
  } finally {
    sqlite.close()
  }
}

describe('the server process', () => {
  it('prints its URLs and the demo sign-ins, answers, and stops cleanly on SIGTERM', async () => {
    const dataDir = freshDataDir()
    server = await startServer({ DATA_DIR: dataDir, DEMO_PASSWORD: 'try-the-demo' })
    const banner = server.output()
    expect(banner).toContain(`Staff console:  ${server.url}/staff`)
    expect(banner).toContain('password: try-the-demo')
    for (const username of DEMO_USERNAMES) expect(banner).toContain(username)
    expect(banner).toMatch(new RegExp(`Window code: +${server.url}/q/[\\w-]+`))

    const res = await fetch(`${server.url}/api/health`)
    expect(await res.json()).toEqual({ ok: true })

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null })
    expect(server.output()).toContain('Stopped cleanly.')
    expect(inspectSqlite(dataDir)).toEqual({
      integrity: 'ok',
      walBytes: 0,
      staff: 9,
      servicePoints: expect.any(Number),
    })
  })

  it('removes stray temporary upload files at start and prints PUBLIC_URL’s window code', async () => {
    const dataDir = freshDataDir()
    const folder = join(dataDir, 'files', 'ab')
    mkdirSync(folder, { recursive: true })
    const [stale, fresh] = ['0', '1'].map((digit) => join(folder, `.${digit.repeat(36)}.tmp`))
    for (const path of [stale, fresh]) writeFileSync(path as string, 'half a photo')
    const twoHoursAgo = new Date(Date.now() - 7_200_000)
    utimesSync(stale as string, twoHoursAgo, twoHoursAgo)

    server = await startServer({ DATA_DIR: dataDir, PUBLIC_URL: 'https://guishang.example.gov.cn' })

    expect([existsSync(stale as string), existsSync(fresh as string)]).toEqual([false, true])
    expect(server.output()).toMatch(/Window code: +https:\/\/guishang\.example\.gov\.cn\/q\/[\w-]+/)
  })

  it('refuses to start in production without its secrets', async () => {
    const dataDir = freshDataDir()
    const run = await runToEnd('mock-api/server.ts', [], {
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
    })
    expect(run.code).toBe(1)
    expect(run.output).toContain('CODE_SECRET is required')
    expect(run.output).toContain('COOKIE_SECRET is required')
    expect(existsSync(join(dataDir, SQLITE_FILE))).toBe(false)
  })

  it('seeds nothing in production and says how to make the first admin', async () => {
    const dataDir = freshDataDir()
    server = await startServer({
      NODE_ENV: 'production',
      HOST: 'localhost',
      DATA_DIR: dataDir,
      ...SECRETS,
    })
    expect(server.output()).toContain('npm run admin:create')
    expect(server.output()).not.toContain('desk.region')
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200)
    expect((await server.stop('SIGINT')).code).toBe(0)
    expect(inspectSqlite(dataDir)).toMatchObject({ integrity: 'ok', staff: 0, servicePoints: 0 })
  })

  it('runs on PostgreSQL when DATABASE_URL is set', async () => {
    const postgres = databases.find((d) => d.name === 'postgres')!
    const store = await postgres.create()
    try {
      server = await startServer({
        DATABASE_URL: store.config.databaseUrl ?? '',
        DATA_DIR: freshDataDir(),
      })
      expect(server.output()).toContain('PostgreSQL')
      expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true })
      expect(await server.stop()).toEqual({ code: 0, signal: null })
      const staff = await store.db.selectFrom('staff').select('username').execute()
      expect(staff.map((s) => s.username).sort()).toEqual([...DEMO_USERNAMES].sort())
    } finally {
      await store.drop()
    }
  })
})
