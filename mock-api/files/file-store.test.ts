import { spawn } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createFileStore, removeStrayTemporaries } from './file-store.js'

let dataDir = ''
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'guishang-files-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))

describe('the file store', () => {
  it('stores bytes under files/<first two hex>/<sha256>', async () => {
    const bytes = Buffer.from('a cleaned photo')
    const address = await createFileStore(dataDir).put(bytes)

    expect(address).toBe(sha256(bytes))
    const path = join(dataDir, 'files', address.slice(0, 2), address)
    expect(readFileSync(path)).toEqual(bytes)
    expect(filesUnder(dataDir)).toEqual([path])
  })

  it('stores identical content once and leaves the first copy untouched', async () => {
    const store = createFileStore(dataDir)
    const address = await store.put(Buffer.from('same'))
    const first = statSync(store.pathOf(address))

    expect(await store.put(Buffer.from('same'))).toBe(address)

    const second = statSync(store.pathOf(address))
    expect([second.ino, second.mtimeMs]).toEqual([first.ino, first.mtimeMs])
    expect(filesUnder(dataDir)).toHaveLength(1)
    await store.put(Buffer.from('other'))
    expect(filesUnder(dataDir)).toHaveLength(2)
  })

  it('opens a stored file as a stream with its size, and answers null for an absent one', async () => {
    const store = createFileStore(dataDir)
    const address = await store.put(Buffer.from('stream me'))
    const opened = await store.open(address)
    const chunks: Buffer[] = []
    for await (const chunk of opened?.stream ?? []) chunks.push(chunk as Buffer)
    expect([opened?.size, Buffer.concat(chunks).toString()]).toEqual([9, 'stream me'])
    expect(await store.open(sha256(Buffer.from('never stored')))).toBeNull()
  })

  it('refuses an address that is not a SHA-256, so no path can escape the folder', () => {
    const store = createFileStore(dataDir)
    expect(() => store.pathOf('../../etc/passwd')).toThrow(RangeError)
    expect(() => store.pathOf('A'.repeat(64))).toThrow(RangeError)
  })

  it('shows nothing under the final name when the process dies before the rename', async () => {
    const bytes = Buffer.alloc(8 * 1024 * 1024, 7)
    const exit = await putAndDieBeforeRename(dataDir, bytes.length)

    expect(exit.signal).toBe('SIGKILL')
    const store = createFileStore(dataDir)
    const final = store.pathOf(sha256(bytes))
    const left = filesUnder(dataDir)
    expect(left).not.toContain(final)
    expect(left).toHaveLength(1)
    expect(left[0]).toMatch(/\/\.[0-9a-f-]{36}\.tmp$/)

    expect(await store.put(bytes)).toBe(sha256(bytes))
    expect(readFileSync(final).equals(bytes)).toBe(true)
    // The crash's leftover is what the start-up tidy-up removes once it is old enough.
    const leftover = left[0] as string
    expect(await removeStrayTemporaries(dataDir, new Date(statSync(leftover).mtimeMs + 1))).toBe(1)
    expect(filesUnder(dataDir)).toEqual([final])
  })

  it('removes stray temporary files older than the cut-off, and nothing else', async () => {
    const cutOff = new Date('2026-02-13T02:00:00.000Z')
    const longAgo = new Date(cutOff.getTime() - 86_400_000)
    const store = createFileStore(dataDir)
    const stored = [await store.put(Buffer.from('one')), await store.put(Buffer.from('two'))]
    const folder = dirname(store.pathOf(stored[0] as string))
    const temporary = (at: Date, inFolder = folder) => {
      mkdirSync(inFolder, { recursive: true })
      const path = join(inFolder, `.${randomUUID()}.tmp`)
      writeFileSync(path, 'half a photo')
      utimesSync(path, at, at)
      return path
    }
    temporary(longAgo)
    temporary(longAgo, join(dataDir, 'files', 'ab'))
    const live = temporary(new Date(cutOff.getTime() + 1000))
    const notOurs = join(folder, 'notes.tmp')
    writeFileSync(notOurs, 'someone else’s')
    for (const path of [...stored.map((address) => store.pathOf(address)), notOurs]) {
      utimesSync(path, longAgo, longAgo)
    }

    expect(await removeStrayTemporaries(dataDir, cutOff)).toBe(2)

    const kept = [...stored.map((address) => store.pathOf(address)), live, notOurs]
    expect(filesUnder(dataDir).sort()).toEqual(kept.sort())
    expect(await removeStrayTemporaries(dataDir, cutOff)).toBe(0)
  })

  it('finds nothing to tidy before anything was stored', async () => {
    expect(await removeStrayTemporaries(join(dataDir, 'never-created'), new Date())).toBe(0)
  })
})

// A real crash at the worst moment: a child process whose fs.rename kills it (SIGKILL), after the
// temporary file was written and fsynced.
const CHILD = `
import { createRequire, syncBuiltinESMExports } from 'node:module'
const fsp = createRequire(import.meta.url)('node:fs/promises')
fsp.rename = () => { process.kill(process.pid, 'SIGKILL'); return new Promise(() => {}) }
syncBuiltinESMExports()
const { createFileStore } = await import(process.argv[2])
await createFileStore(process.argv[3]).put(Buffer.alloc(Number(process.argv[4]), 7))
`

function putAndDieBeforeRename(dataDir: string, size: number) {
  const script = join(dataDir, 'child.mjs')
  writeFileSync(script, CHILD)
  const storeModule = pathToFileURL(join(import.meta.dirname, 'file-store.ts')).href
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', script, storeModule, dataDir, String(size)],
    { env: { PATH: process.env.PATH, HOME: process.env.HOME }, stdio: 'ignore' },
  )
  return new Promise<{ signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (_code, signal) => {
      rmSync(script)
      resolve({ signal })
    })
  })
}
