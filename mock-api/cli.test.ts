import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDb } from './storage/database.js'
import { verifyPassword } from './storage/passwords.js'
import { runToEnd } from './test/processes.js'
import { PRODUCTION_NOTIFICATIONS } from './test/production-env.js'

const SECRETS = {
  CODE_SECRET: 'c'.repeat(40),
  COOKIE_SECRET: 'k'.repeat(40),
  ...PRODUCTION_NOTIFICATIONS,
}
const STRONG = 'a long and private passphrase'

describe('the maintenance commands', () => {
  let dataDir: string
  let env: Record<string, string>
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'guishang-cli-'))
    env = { NODE_ENV: 'production', DATA_DIR: dataDir, ...SECRETS }
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  const cli = (args: string[], input = '', extraEnv: Record<string, string> = {}) =>
    runToEnd('mock-api/cli.ts', args, { ...env, ...extraEnv }, input)
  const adminCreate = (username: string, password: string, extraEnv = {}) =>
    cli(['admin-create', '--username', username, '--password-stdin'], `${password}\n`, extraEnv)

  it('migrate applies the schema once', async () => {
    const first = await cli(['migrate'])
    expect(first).toMatchObject({ code: 0 })
    expect(first.output).toContain('Applied: 0001_reference_data')
    const second = await cli(['migrate'])
    expect(second.output).toContain('The schema is up to date.')
  })

  it('admin-create refuses the demo password, even a custom one, and short passwords', async () => {
    const demo = await adminCreate('root', 'guishang-demo')
    expect(demo.code).toBe(1)
    expect(demo.output).toContain('demo password')
    const custom = await adminCreate('root', 'our-own-demo-pass', {
      DEMO_PASSWORD: 'our-own-demo-pass',
    })
    expect(custom.code).toBe(1)
    const short = await adminCreate('root', 'short-pass')
    expect(short.code).toBe(1)
    expect(short.output).toContain('at least 12 characters')
  })

  it('admin-create makes an administrator with a hashed password, once', async () => {
    const created = await adminCreate('root', STRONG)
    expect(created).toMatchObject({ code: 0 })
    const again = await adminCreate('root', STRONG)
    expect(again.code).toBe(1)
    expect(again.output).toContain('taken')

    const store = createDb({ databaseUrl: null, dataDir })
    const rows = await store.db.selectFrom('staff').selectAll().execute()
    await store.close()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ username: 'root', role: 'admin', disabled: 0 })
    expect(rows[0]?.password_hash).not.toContain(STRONG)
    expect(await verifyPassword(STRONG, rows[0]?.password_hash ?? '')).toBe(true)
  })

  it('admin-create without a terminal needs --username', async () => {
    const run = await cli(['admin-create'], `${STRONG}\n`)
    expect(run.code).toBe(1)
    expect(run.output).toContain('--username')
  })

  it('seed refuses to run in production', async () => {
    const run = await cli(['seed'])
    expect(run.code).toBe(1)
    expect(run.output).toContain('never seeded')
  })

  it('seed fills a demo store and changes nothing the second time', async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'guishang-cli-demo-'))
    try {
      const demo = { NODE_ENV: 'development', DATA_DIR: demoDir }
      const first = await cli(['seed'], '', demo)
      expect(first.output).toMatch(/"staff":9/)
      const second = await cli(['seed'], '', demo)
      expect(second.output).toContain(
        '{"units":0,"responsibilities":0,"servicePoints":0,"staff":0}',
      )
    } finally {
      rmSync(demoDir, { recursive: true, force: true })
    }
  })
})
