import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { API, WEB, staleness } from './build-if-stale.mjs'

let root: string
const at = (minutes: number) => new Date(Date.UTC(2026, 1, 13, 0, minutes))

function file(path: string, minutes: number) {
  const full = join(root, path)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, path)
  utimesSync(full, at(minutes), at(minutes))
  // Directory times count too (a deleted source changes its folder), so pin them as well.
  for (let dir = dirname(full); dir.startsWith(root) && dir !== root; dir = dirname(dir)) {
    utimesSync(dir, at(0), at(0))
  }
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'guishang-stale-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('staleness', () => {
  it('asks for a build when an output is missing', () => {
    file('mock-api/app.ts', 1)
    expect(staleness(API, root)).toMatch(/server\.js is missing/)
  })

  it('is fresh when every output is newer than every input', () => {
    file('mock-api/app.ts', 1)
    file('mock-api/storage/seed.ts', 2)
    file('build/api/server.js', 5)
    file('build/api/cli.js', 5)
    expect(staleness(API, root)).toBeNull()
  })

  it('is stale when a nested source changed after the build', () => {
    file('mock-api/storage/seed.ts', 9)
    file('build/api/server.js', 5)
    file('build/api/cli.js', 5)
    expect(staleness(API, root)).toMatch(/changed/)
  })

  it('ignores tests and test helpers', () => {
    file('mock-api/app.ts', 1)
    file('mock-api/app.test.ts', 9)
    file('mock-api/test/databases.ts', 9)
    file('build/api/server.js', 5)
    file('build/api/cli.js', 5)
    expect(staleness(API, root)).toBeNull()
  })

  it('rebuilds the web app when the shared contract changes', () => {
    file('src/main.tsx', 1)
    file('dist/index.html', 5)
    expect(staleness(WEB, root)).toBeNull()
    file('mock-api/contract.ts', 7)
    expect(staleness(WEB, root)).toMatch(/changed/)
  })
})
