// What `npm start` prints once it listens: where the app and the staff console are, the store,
// and in demo mode the sign-ins and one window code to try.
import { isIP } from 'node:net'
import { systemClock } from './deps/clock.js'
import type { Config } from './config.js'
import type { DbHandle } from './storage/database.js'
import { sqlitePath } from './storage/database.js'
import { DEMO_SERVICE_POINTS, DEMO_STAFF } from './storage/demo-data.js'
import { verifyPassword } from './storage/passwords.js'
import { loadSecrets } from './storage/secrets.js'
import { signServicePointToken } from './storage/service-point-tokens.js'

type BannerInput = { config: Config; store: DbHandle; port: number }

const SAMPLE_POINT = DEMO_SERVICE_POINTS.find((p) => p.id === 'sp-nanning-center-3')

export function appUrl(host: string, port: number): string {
  const isAnyHost = host === '0.0.0.0' || host === '::' || host === 'localhost'
  const name = isAnyHost ? 'localhost' : isIP(host) === 6 ? `[${host}]` : host
  return `http://${name}:${port}`
}

export async function printBanner({ config, store, port }: BannerInput): Promise<void> {
  const url = appUrl(config.host, port)
  const storeName =
    store.dialect === 'sqlite'
      ? `SQLite ${sqlitePath(config.dataDir)}`
      : 'PostgreSQL (DATABASE_URL)'
  const lines = [
    '',
    `桂商码 Guishang is running${config.isDemo ? ' in demo mode' : ''}.`,
    `  App:            ${url}/`,
    `  Staff console:  ${url}/staff`,
    ...(config.publicUrl === null ? [] : [`  Public URL:     ${config.publicUrl}/`]),
    `  Store:          ${storeName}`,
  ]
  // Window codes carry the public origin (PUBLIC_URL behind a proxy), as the code routes print them.
  const codeBase = config.publicUrl ?? url
  lines.push(...(config.isDemo ? await demoLines(config, store, codeBase) : await prodLines(store)))
  lines.push('', 'Press Ctrl-C to stop.', '')
  console.log(lines.join('\n'))
}

async function demoLines(config: Config, store: DbHandle, url: string) {
  const lines: string[] = []
  const { codeSecret } = await loadSecrets(store.db, config, systemClock.now())
  if (SAMPLE_POINT) {
    const point = await store.db
      .selectFrom('service_points')
      .select(['id', 'token_version'])
      .where('id', '=', SAMPLE_POINT.id)
      .executeTakeFirst()
    if (point) {
      const token = signServicePointToken(codeSecret, {
        id: point.id,
        version: point.token_version,
      })
      lines.push(
        `  Window code:    ${url}/q/${token}  (${SAMPLE_POINT.hall} ${SAMPLE_POINT.window})`,
      )
    }
  }
  lines.push('', `  Demo sign-ins (password: ${config.demoPassword}):`)
  const width = Math.max(...DEMO_STAFF.map((s) => s.username.length)) + 2
  for (const member of DEMO_STAFF) {
    lines.push(`    ${member.username.padEnd(width)}${member.displayName}`)
  }
  const probe = await store.db
    .selectFrom('staff')
    .select('password_hash')
    .where('username', '=', 'desk.region')
    .executeTakeFirst()
  if (probe && !(await verifyPassword(config.demoPassword, probe.password_hash))) {
    lines.push('  (These accounts were created earlier with a different DEMO_PASSWORD.)')
  }
  return lines
}

async function prodLines(store: DbHandle) {
  const admin = await store.db
    .selectFrom('staff')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .executeTakeFirst()
  return admin ? [] : ['', '  No administrator yet: create one with  npm run admin:create']
}
