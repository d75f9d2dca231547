/**
 * Serves the built PWA from STATIC_DIR when it exists. Vite's hashed `/assets/*` are immutable;
 * everything else (index.html, sw.js, the manifest, icons) is `no-cache`, so a new deploy is seen
 * at the next load and the service worker decides what is offline. Navigations to app routes get
 * app.html, the plain shell (SPA fallback; index.html holds the home screen prerendered, right
 * only at `/`; a build without app.html falls back to index.html), or report.html, the report
 * form's empty frame, for a window code's link and a draft; a missing file stays a 404,
 * and `/api/*` is never a file. Text files
 * go out brotli- or gzip-compressed from the copies the build wrote, when the browser accepts it.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { basename, join, relative, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { REPORT_FRAME_LOADER } from '../shared/report-frame-loader.js'
import { contentSecurityPolicy } from './security-headers.js'

const IMMUTABLE = 'public, max-age=31536000, immutable'
const REVALIDATE = 'no-cache'
const APP_SHELL = 'index.html'
const SPA_SHELL = 'app.html'
/** The report form's empty frame, prerendered (scripts/vite-prerender.ts). */
const REPORT_FRAME = 'report.html'
/** The paths that open as the report form (src/app/shell/report-frame-path.ts says the same). */
const REPORT_FRAME_PATH = /^\/(q|drafts)\/[^/]+\/?$/

/**
 * report.html's policy: the site's, plus its one inline script (the loader that asks for the
 * scripts once the frame has painted, shared/report-frame-loader.ts) allowed by its hash. Sent
 * with the file however it is asked for (a link's navigation, or the service worker's precache,
 * which keeps these headers for offline answers).
 */
export const REPORT_FRAME_CSP = contentSecurityPolicy({
  'script-src': [`'sha256-${createHash('sha256').update(REPORT_FRAME_LOADER).digest('base64')}'`],
})

export const isApiPath = (path: string): boolean => path === '/api' || path.startsWith('/api/')

let spaShell = APP_SHELL
let reportFrame: string | null = null

const pathOf = (url: string) => url.split('?', 1)[0] ?? '/'

/** True when the PWA is built in `staticDir`; registers the static routes then. */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<boolean> {
  if (!existsSync(join(staticDir, APP_SHELL))) return false
  spaShell = existsSync(join(staticDir, SPA_SHELL)) ? SPA_SHELL : APP_SHELL
  reportFrame = existsSync(join(staticDir, REPORT_FRAME)) ? REPORT_FRAME : null
  await app.register(fastifyStatic, {
    root: staticDir,
    prefix: '/',
    index: [APP_SHELL],
    cacheControl: false,
    dotfiles: 'ignore',
    // The build writes .br and .gz beside each text asset (scripts/vite-precompress.ts).
    preCompressed: true,
    allowedPath: (path) => !isApiPath(path),
    setHeaders: (reply, filePath) => {
      const isHashed = relative(staticDir, filePath).startsWith(`assets${sep}`)
      reply.header('Cache-Control', isHashed ? IMMUTABLE : REVALIDATE)
      // (report.html, or its .br or .gz copy)
      if (basename(filePath).startsWith(REPORT_FRAME))
        reply.header('content-security-policy', REPORT_FRAME_CSP)
    },
  })
  return true
}

/** A browser navigation to an app route (not an API call, not a missing file). */
export function wantsAppShell(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const path = pathOf(request.url)
  if (isApiPath(path) || path.startsWith('/assets/')) return false
  const lastSegment = path.slice(path.lastIndexOf('/') + 1)
  return !lastSegment.includes('.') || (request.headers.accept ?? '').includes('text/html')
}

/** The shell for the navigation `reply` answers: the report form's frame where it is the screen. */
export const sendAppShell = (reply: FastifyReply): FastifyReply =>
  reply.sendFile(
    reportFrame && REPORT_FRAME_PATH.test(pathOf(reply.request.url)) ? reportFrame : spaShell,
  )
