/**
 * Content-addressed files under `DATA_DIR/files/<sha256[0:2]>/<sha256>`. A file appears under its
 * final name only whole: it is written to a temporary name in the same folder, fsynced, renamed
 * (atomic on one filesystem) and the folder fsynced, so a crash leaves at most a stray `.tmp` file.
 * Identical content is stored once; nothing here ever deletes a stored file (only stray `.tmp`s).
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Dirent, ReadStream } from 'node:fs'
import { createReadStream } from 'node:fs'
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export type FileStore = {
  /** Stores the bytes (once per content) and returns their SHA-256 in hex. */
  put(bytes: Uint8Array): Promise<string>
  /** Where the file for `sha256` lives (whether or not it exists). */
  pathOf(sha256: string): string
  /** The stored file's size and a stream of it, or null when absent. */
  open(sha256: string): Promise<{ size: number; stream: ReadStream } | null>
}

const SHA256_HEX = /^[0-9a-f]{64}$/
/** The name `writeWhole` writes to before the rename; a stored file's name never matches. */
const TEMPORARY_NAME = /^\.[0-9a-f-]{36}\.tmp$/

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex')

export function createFileStore(dataDir: string): FileStore {
  const root = join(dataDir, 'files')
  const pathOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new RangeError(`not a SHA-256: ${sha256}`)
    return join(root, sha256.slice(0, 2), sha256)
  }
  return {
    pathOf,
    async put(bytes) {
      const sha256 = sha256Hex(bytes)
      const target = pathOf(sha256)
      if ((await sizeOf(target)) !== bytes.byteLength) await writeWhole(target, bytes)
      return sha256
    },
    async open(sha256) {
      const path = pathOf(sha256)
      const size = await sizeOf(path)
      return size === null ? null : { size, stream: createReadStream(path) }
    },
  }
}

/**
 * Deletes the temporary files that writes killed mid-way left in `DATA_DIR/files`, when last
 * modified before `olderThan`: a younger one may belong to a write still running (in this process
 * or another sharing the folder). Stored files are never touched. Answers how many went.
 */
export async function removeStrayTemporaries(dataDir: string, olderThan: Date): Promise<number> {
  const root = join(dataDir, 'files')
  let removed = 0
  for (const folder of await entriesIn(root)) {
    if (!folder.isDirectory()) continue
    for (const entry of await entriesIn(join(root, folder.name))) {
      if (!entry.isFile() || !TEMPORARY_NAME.test(entry.name)) continue
      const path = join(root, folder.name, entry.name)
      const modified = (await stat(path).catch(unlessGone))?.mtimeMs
      if (modified === undefined || modified >= olderThan.getTime()) continue
      await rm(path, { force: true })
      removed++
    }
  }
  return removed
}

const entriesIn = (folder: string): Promise<Dirent[]> =>
  readdir(folder, { withFileTypes: true }).catch((error: unknown) => unlessGone(error) ?? [])

/** Swallows "no such file" (nothing stored yet, or removed meanwhile) and rethrows the rest. */
function unlessGone(error: unknown): undefined {
  if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
  throw error
}

async function sizeOf(path: string): Promise<number | null> {
  try {
    return (await stat(path)).size
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}

async function writeWhole(target: string, bytes: Uint8Array): Promise<void> {
  const folder = dirname(target)
  const firstCreated = await mkdir(folder, { recursive: true })
  const temporary = join(folder, `.${randomUUID()}.tmp`)
  try {
    const file = await open(temporary, 'wx')
    try {
      await file.writeFile(bytes)
      await file.sync()
    } finally {
      await file.close()
    }
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  // The new name is durable once its folder is, and a new folder once its parent is.
  const stop = firstCreated === undefined ? folder : dirname(firstCreated)
  for (let at = folder; ; at = dirname(at)) {
    await syncFolder(at)
    if (at === stop || at === dirname(at)) break
  }
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
