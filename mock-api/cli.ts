/**
 * Maintenance commands, run through `npm run db:migrate | db:seed | admin:create` (which build
 * the API first): `migrate`, `seed` (demo data; refused with NODE_ENV=production) and
 * `admin-create [--username NAME] [--password-stdin]`, which asks on a terminal and otherwise
 * reads the password from stdin. It refuses the demo password and passwords under 12 characters.
 */
import { mkdirSync } from 'node:fs'
import { createInterface } from 'node:readline/promises'
import { pathToFileURL } from 'node:url'
import { askHidden, readAll } from './cli-input.js'
import type { Config } from './config.js'
import { ConfigError, readConfig } from './config.js'
import { createDb } from './storage/database.js'
import type { DbHandle } from './storage/database.js'
import { migrateToLatest, withStartUpLock } from './storage/migrate.js'
import { MIN_PASSWORD_LENGTH, passwordProblem } from './storage/passwords.js'
import { seedDemo } from './storage/seed.js'
import { USERNAME_PATTERN, createStaff } from './storage/staff-accounts.js'

const USAGE = 'usage: cli <migrate | seed | admin-create [--username NAME] [--password-stdin]>'

class CliError extends Error {}

/** Opens the store, brings its schema up to date, runs `work`, and closes it. */
async function withStore(
  config: Config,
  work: (store: DbHandle, applied: readonly string[]) => Promise<void> | void,
) {
  if (config.databaseUrl === null) mkdirSync(config.dataDir, { recursive: true })
  const store = createDb(config)
  try {
    await work(store, await withStartUpLock(store.db, () => migrateToLatest(store.db)))
  } finally {
    await store.close()
  }
}

async function migrate(config: Config) {
  await withStore(config, (_store, applied) => {
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.')
  })
}

async function seed(config: Config) {
  if (config.isProduction) throw new CliError('Demo data is never seeded with NODE_ENV=production.')
  await withStore(config, async (store) => {
    const created = await seedDemo(store.db, { password: config.demoPassword, now: new Date() })
    console.log(`Seeded: ${JSON.stringify(created)}`)
  })
}

async function askUsername(args: readonly string[]): Promise<string> {
  const flag = args.indexOf('--username')
  if (flag >= 0) return args[flag + 1] ?? ''
  if (!process.stdin.isTTY) throw new CliError('Give --username NAME when stdin is not a terminal.')
  const prompt = createInterface({ input: process.stdin, output: process.stdout })
  try {
    return (await prompt.question('Administrator username: ')).trim()
  } finally {
    prompt.close()
  }
}

async function askPassword(args: readonly string[]): Promise<string> {
  if (args.includes('--password-stdin') || !process.stdin.isTTY) {
    return (await readAll(process.stdin)).replace(/\r?\n$/, '')
  }
  const password = await askHidden(`Password (at least ${MIN_PASSWORD_LENGTH} characters): `)
  if ((await askHidden('Repeat the password: ')) !== password) {
    throw new CliError('The passwords differ.')
  }
  return password
}

async function adminCreate(config: Config, args: readonly string[]) {
  const username = await askUsername(args)
  if (!USERNAME_PATTERN.test(username)) {
    throw new CliError(
      'A username is 3-32 of a-z, 0-9, ".", "_", "-", starting with a letter or digit.',
    )
  }
  const password = await askPassword(args)
  const problem = passwordProblem(password, config.demoPassword)
  if (problem === 'demo_password') throw new CliError('Refused: that is the demo password.')
  if (problem === 'too_short') {
    throw new CliError(`Refused: a password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  }
  await withStore(config, async (store) => {
    const admin = { username, displayName: username, password, role: 'admin' as const }
    const id = await createStaff(
      store.db,
      { ...admin, divisionCode: null, unitId: null },
      new Date(),
    )
    if (id === null) throw new CliError(`Refused: the username "${username}" is taken.`)
    console.log(`Administrator "${username}" created.`)
  })
}

/** Runs one command; resolves to the process exit code. */
export async function runCli(args: readonly string[]): Promise<number> {
  try {
    const config = readConfig(process.env)
    const [command, ...rest] = args
    if (command === 'migrate') await migrate(config)
    else if (command === 'seed') await seed(config)
    else if (command === 'admin-create') await adminCreate(config, rest)
    else throw new CliError(USAGE)
    return 0
  } catch (error) {
    const isExpected = error instanceof CliError || error instanceof ConfigError
    console.error(isExpected ? error.message : error)
    return 1
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2))
}
