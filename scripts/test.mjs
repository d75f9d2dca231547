#!/usr/bin/env node
// `npm test`: typecheck, lint, unit and API tests (Vitest, SQLite and PostgreSQL), then the
// Playwright journeys in Debian's Chromium. Every stage runs even when an earlier one fails, so
// one run reports everything; the last line is the plain `N passed, N failed` that CI reads.
import { spawnSync } from 'node:child_process'
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

function gate(name, command, args) {
  const ok = run(name, command, args)
  totals[ok ? 'passed' : 'failed'] += 1
  stages.push(`${name}: ${ok ? 'ok' : 'FAILED'}`)
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
  // A suite that crashes before its tests run has no failed tests: count it as one failure.
  const failed = (report?.numFailedTests ?? 0) + (report ? report.numFailedTestSuites : 1)
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

gate('typecheck', 'npx', ['tsc', '-b'])
gate('lint', 'npx', ['eslint', '.', '--max-warnings=0'])
gate('format', 'npx', ['prettier', '--check', '.'])

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
