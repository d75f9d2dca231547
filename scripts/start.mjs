// `npm start`: build what is missing or stale, then run the server in THIS process, so the
// process npm started is the one that listens and receives Ctrl-C / SIGTERM.
// The web app is built into dist/ unless STATIC_DIR points somewhere else (then it is yours).
import { resolve } from 'node:path'
import { API, ROOT, WEB, buildIfStale } from './build-if-stale.mjs'

const staticDir = resolve(process.env.STATIC_DIR ?? 'dist')
try {
  if (staticDir === resolve(ROOT, 'dist')) buildIfStale(WEB)
  buildIfStale(API)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

await import('../build/api/server.js')
