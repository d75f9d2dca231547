/**
 * A Vite build plugin that writes `.br` and `.gz` beside every text asset of the finished build,
 * so the server sends compressed bytes without compressing per request (@fastify/static's
 * `preCompressed`). It runs after vite-plugin-pwa has written sw.js, so that is compressed too.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/
const MIN_BYTES = 1024

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* filesUnder(path)
    else yield path
  }
}

export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'guishang:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/')
        ? config.build.outDir
        : join(config.root, config.build.outDir)
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        for (const path of filesUnder(outDir)) {
          if (!COMPRESSIBLE.test(path)) continue
          const body = readFileSync(path)
          if (body.length < MIN_BYTES) continue
          writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }))
          writeFileSync(
            `${path}.br`,
            brotliCompressSync(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }),
          )
        }
      },
    },
  }
}
