#!/usr/bin/env node
// `npm test`: typecheck, lint, unit and API tests (Vitest, SQLite and PostgreSQL), then the
// Playwright journeys in Debian's Chromium. Every stage runs even when an earlier one fails, so
// one run reports everything; the last line is the plain `N passed, N failed` that CI reads.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { ensureChromium, ensureNginx, ensurePostgres } from './test-prerequisites.mjs'

const REPORTS = '.tmp/test-reports'
rmSync(REPORTS, { recursive: true, force: true })
mkdirSync(REPORTS, { recursive: true })

const totals = { passed: 0, failed: 0 }
const stages = []

function run(name, command, args, env = {}) {
  console.log(`\n── ${name}: ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  return result.status === 0
}

/** Runs a command with its output kept, to be printed whole when it ends; resolves to success. */
function runQuietly(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => resolve({ ok: false, output: `${output}${String(error)}\n` }))
    child.on('close', (code) => resolve({ ok: code === 0, output }))
  })
}

/**
 * The static checks and the journeys' builds are independent, and each of tsc, ESLint and
 * Prettier keeps one core busy: run together they finish in about the time of the longest (CI's
 * budget is 20 minutes). Each one's output is printed whole, in this order, when all are done.
 */
async function staticChecksAndBuilds() {
  const jobs = [
    { name: 'typecheck', command: 'npx', args: ['tsc', '-b'], gate: true },
    { name: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings=0'], gate: true },
    { name: 'format', command: 'npx', args: ['prettier', '--check', '.'], gate: true },
    // The journeys' server builds these when stale (e2e/serve.mjs); building now saves that wait.
    { name: 'build for the journeys', command: 'node', args: ['scripts/build-if-stale.mjs'] },
  ]
  const results = await Promise.all(jobs.map((job) => runQuietly(job.command, job.args)))
  jobs.forEach((job, i) => {
    const { ok, output } = results[i]
    console.log(`\n── ${job.name}: ${job.command} ${job.args.join(' ')}`)
    process.stdout.write(output)
    if (!job.gate) return
    totals[ok ? 'passed' : 'failed'] += 1
    stages.push(`${job.name}: ${ok ? 'ok' : 'FAILED'}`)
  })
}

function readJson(path) {
  if (!existsSync(path)) return null
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function vitest() {
  const out = `${REPORTS}/vitest.json`
  const ok = run('unit and API tests (Vitest)', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ])
  const report = readJson(out)
  const passed = report?.numPassedTests ?? 0
  // A test file that fails with no failed test (it crashed before its tests ran) counts as one
  // failure. (Not numFailedTestSuites: Vitest counts each describe block around a failed test
  // as a failed suite too, so one failed test made 3 failures.)
  const crashed = report
    ? report.testResults.filter(
        (file) =>
          file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed'),
      ).length
    : 1
  const failed = (report?.numFailedTests ?? 0) + crashed
  const counted = failed === 0 && !ok ? 1 : failed
  totals.passed += passed
  totals.failed += counted
  stages.push(`vitest: ${passed} passed, ${counted} failed`)
}

function playwright() {
  const out = `${REPORTS}/playwright.json`
  const ok = run('end-to-end journeys (Playwright, Chromium)', 'npx', ['playwright', 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: out,
  })
  const stats = readJson(out)?.stats
  const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0)
  const failed = stats ? stats.unexpected : 1
  const counted = failed === 0 && !ok ? 1 : failed
  totals.passed += passed
  totals.failed += counted
  stages.push(
    `playwright: ${passed} passed, ${counted} failed${stats?.flaky ? ` (${stats.flaky} flaky)` : ''}`,
  )
}

const chromium = ensureChromium()
const postgres = ensurePostgres()
// Without nginx only its one test fails (loudly, with this message first).
const nginx = ensureNginx()
if (!nginx.ok) console.error(`\n${nginx.message}`)

await staticChecksAndBuilds()

if (postgres.ok) {
  vitest()
} else {
  console.error(`\n${postgres.message}`)
  totals.failed += 1
  stages.push('vitest: not run (PostgreSQL unavailable)')
}

if (chromium.ok) {
  playwright()
} else {
  console.error(`\n${chromium.message}`)
  totals.failed += 1
  stages.push('playwright: not run (Chromium missing)')
}

console.log('\n── summary')
for (const line of stages) console.log(`   ${line}`)
console.log(`${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed === 0 ? 0 : 1)
