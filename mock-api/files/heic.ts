/**
 * HEIC (HEVC-coded HEIF, the iPhone's default) to RGBA pixels. sharp's prebuilt libvips has no
 * HEVC decoder, so this runs libheif compiled to WASM (heic-decode). That decoder is synchronous
 * and takes seconds on a 12 MP photo, so it runs in one worker thread and the server keeps
 * answering meanwhile. The worker is plain CommonJS source, so it runs the same under tsx, Vitest
 * and the compiled build; it holds the event loop open only while a decode is pending.
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

export type RgbaPixels = { width: number; height: number; data: Uint8ClampedArray }

type Reply = { id: number; error: string } | ({ id: number } & RgbaPixels)
type Pending = { resolve(pixels: RgbaPixels): void; reject(error: Error): void }

// heic-decode opens only some major brands; libheif itself reads every HEVC brand, so the others
// are presented as the generic `mif1`.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const decode = require(workerData.heicDecode)
const OPENED_BRANDS = ['mif1', 'msf1', 'heic', 'heix', 'hevc', 'hevx']
parentPort.on('message', async ({ id, bytes, maxPixels }) => {
  try {
    const major = String.fromCharCode(...bytes.subarray(8, 12))
    if (!OPENED_BRANDS.includes(major)) bytes.set([0x6d, 0x69, 0x66, 0x31], 8)
    const images = await decode.all({ buffer: bytes })
    try {
      const image = images[0]
      if (!image) throw new Error('HEIF file without an image')
      if (image.width * image.height > maxPixels) {
        throw new Error('HEIF image of ' + image.width + 'x' + image.height + ' exceeds ' + maxPixels + ' pixels')
      }
      const { width, height, data } = await image.decode()
      parentPort.postMessage({ id, width, height, data }, [data.buffer])
    } finally {
      images.dispose()
    }
  } catch (error) {
    parentPort.postMessage({ id, error: String(error instanceof Error ? error.message : error) })
  }
})
`

const pending = new Map<number, Pending>()
let worker: Worker | null = null
let lastId = 0

/** Decodes the first image; refuses one over `maxPixels` before spending memory on it. */
export function decodeHeic(bytes: Uint8Array, maxPixels: number): Promise<RgbaPixels> {
  const id = ++lastId
  const running = workerThread()
  return new Promise<RgbaPixels>((resolve, reject) => {
    pending.set(id, { resolve, reject })
    running.ref()
    running.postMessage({ id, bytes: Uint8Array.from(bytes), maxPixels })
  })
}

function workerThread(): Worker {
  if (worker) return worker
  const heicDecode = createRequire(import.meta.url).resolve('heic-decode')
  const created = new Worker(WORKER_SOURCE, { eval: true, workerData: { heicDecode } })
  created.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if (pending.size === 0) created.unref()
    if ('error' in reply) waiting?.reject(new Error(reply.error))
    else waiting?.resolve({ width: reply.width, height: reply.height, data: reply.data })
  })
  const stop = (error: Error) => {
    worker = null
    for (const waiting of pending.values()) waiting.reject(error)
    pending.clear()
  }
  created.on('error', stop)
  created.on('exit', (code) => stop(new Error(`the HEIC worker stopped (exit code ${code})`)))
  created.unref()
  worker = created
  return created
}
