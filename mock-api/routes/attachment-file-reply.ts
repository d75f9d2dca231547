// Sends a stored file as an image that can never run as a page: its own type with nosniff, a CSP
// that allows nothing, inline under a fixed name. The bytes behind a URL never change.
import type { FastifyReply } from 'fastify'
import type { AppDeps } from '../deps/app-deps.js'
import { fileStoreOf } from '../workflow/store-attachment.js'

/** A month in the device's private cache (never a shared one). */
const CACHE_CONTROL = 'private, max-age=2592000, immutable'
const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
}

/** `name` without extension; the extension follows the type. */
export async function sendFile(
  deps: AppDeps,
  reply: FastifyReply,
  sha256: string,
  mime: string,
  name: string,
): Promise<FastifyReply> {
  const file = await fileStoreOf(deps).open(sha256)
  if (!file) throw new Error(`attachment file ${sha256} is missing from the data folder`)
  return reply
    .type(mime)
    .headers({
      'Content-Length': file.size,
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `inline; filename="${name}.${EXTENSIONS[mime] ?? 'bin'}"`,
      'Cache-Control': CACHE_CONTROL,
      'Content-Security-Policy': "default-src 'none'; sandbox",
    })
    .send(file.stream)
}
