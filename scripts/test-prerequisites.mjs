// The machine services the test suite needs, found or started, or a message that says
// exactly what to do. Used by scripts/test.mjs and .ci/run.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0

/** Debian's Chromium: Playwright cannot download its own browser on this network. */
export function ensureChromium() {
  if (existsSync(CHROMIUM_PATH)) return { ok: true }
  if (isRoot() && has('apt-get')) {
    console.log(
      `Chromium is missing at ${CHROMIUM_PATH}: installing Debian's chromium (about 35 s)…`,
    )
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      })
    if (install && install.status === 0 && existsSync(CHROMIUM_PATH)) return { ok: true }
  }
  return {
    ok: false,
    message:
      `Chromium was not found at ${CHROMIUM_PATH}, so the end-to-end journeys cannot run.\n` +
      `Install Debian's package:  sudo apt-get update && sudo apt-get install -y chromium\n` +
      `(or point CHROMIUM_PATH at another Chromium). 'npx playwright install' does not work here.`,
  }
}

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

/** Debian's nginx: the deployment test runs two instances behind the shipped nginx config. */
export function ensureNginx() {
  if (existsSync(NGINX_PATH)) return { ok: true }
  if (isRoot() && has('apt-get')) {
    console.log(`nginx is missing at ${NGINX_PATH}: installing Debian's nginx…`)
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
    const install =
      update.status === 0 &&
      spawnSync('apt-get', ['install', '-y', '-qq', 'nginx'], {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      })
    if (install && install.status === 0 && existsSync(NGINX_PATH)) return { ok: true }
  }
  return {
    ok: false,
    message:
      `nginx was not found at ${NGINX_PATH}, so the deployment test (scripts/nginx-instances.test.ts) fails.\n` +
      `Install Debian's package:  sudo apt-get update && sudo apt-get install -y nginx\n` +
      `(or point NGINX_PATH at another nginx).`,
  }
}

const pgReady = () => spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0

/** The local PostgreSQL server that the API suite runs against besides SQLite. */
export function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) return { ok: true }
  if (!has('pg_isready')) {
    return {
      ok: false,
      message:
        'PostgreSQL client tools are missing. Install PostgreSQL 15 (apt-get install -y postgresql) ' +
        'or set TEST_DATABASE_URL=postgres://user@host:port/ to a server the tests may create databases on.',
    }
  }
  if (pgReady()) return { ok: true }
  if (isRoot() && existsSync('/etc/postgresql')) {
    for (const version of readdirSync('/etc/postgresql')) {
      console.log(`PostgreSQL is down: starting cluster ${version}/main…`)
      spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
        stdio: 'inherit',
      })
    }
    for (let i = 0; i < 30 && !pgReady(); i++) spawnSync('sleep', ['0.5'])
    if (pgReady()) return { ok: true }
  }
  return {
    ok: false,
    message:
      'PostgreSQL is not answering on 127.0.0.1:5432, so the API suite cannot run on it.\n' +
      'Start it with:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n' +
      '(or set TEST_DATABASE_URL=postgres://user@host:port/).',
  }
}
