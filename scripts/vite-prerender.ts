/**
 * A Vite build plugin: the home screen painted from the HTML. It renders `/` in Node through
 * src/app/prerender.tsx (a throwaway Vite SSR server on the same sources) into index.html's
 * `#root`, marked `data-prerendered="/"` so main.tsx hydrates it, inlines the entry stylesheet
 * (one round trip less before the first paint) and drops the `modulepreload` links (under
 * Lighthouse's simulated throttling they sit on the first paint's path; the scripts still load,
 * just after the HTML has painted). The plain shell, with its preloads, is kept as app.html: the
 * server and the service worker answer every other app route with it, since those screens
 * need their scripts before they can draw anything.
 *
 * The report form's empty frame (what the router draws for `/q/<token>` and `/drafts/<id>` while
 * their code loads) is report.html. It names no script for the browser to fetch while it parses:
 * one inline loader (mock-api/shared/report-frame-loader.ts) asks, once the frame has painted,
 * for the entry and its vendor chunks, then for everything else a window code's link needs to
 * become a draft's form (REPORT_FRAME_NEEDS).
 * Measured before: as modulepreload links in the HTML they put the page's FCP at 2.7 s, as
 * `prefetch` links its LCP at 2.0–2.7 s in two runs of three, and with the entry script alone
 * in the HTML, LCP still swung between 1.0 and 1.9 s (Lighthouse's simulation counts a request
 * the HTML starts, and that ends before the paint, on the paint's path), while the phone found
 * the scripts one hop at a time (entry, vendor chunk, the draft screen's chunks).
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { createServer, type Plugin } from 'vite'
import type { OutputAsset, OutputBundle, OutputChunk } from 'rolldown'
import { REPORT_FRAME_LOADER, reportFrameScriptsMeta } from '../mock-api/shared/report-frame-loader'

export const SPA_SHELL = 'app.html'
export const REPORT_FRAME = 'report.html'
/** Must equal REPORT_FRAME_MARK in src/app/shell/report-frame-path.ts (main.tsx reads it). */
const REPORT_FRAME_MARK = 'report-frame'
const ROOT = fileURLToPath(new URL('..', import.meta.url))
/**
 * What the report form loads only once the owner edits or submits (src/features/report/
 * draft-checks.ts): named in every page's `<meta name="guishang-report-checks">` so the form
 * can fetch them into the HTTP cache when idle (a meta is not fetched before the first paint).
 * Without a service worker in control (an in-app browser; any first visit) the owner may be
 * offline by the time they submit, and the import must then come from that cache.
 */
const REPORT_CHECKS = [
  'src/features/report/validate-draft.ts',
  'src/features/report/submit-draft.ts',
]
/** Must equal REPORT_CHECKS_META in src/features/report/draft-checks.ts (which reads it). */
const REPORT_CHECKS_META = 'guishang-report-checks'
const DRAFT_SCREEN = ['src/app/routes/draft.tsx', 'src/app/routes/code.tsx']
/**
 * What a window code's link needs to become a draft's form, beyond the entry: the two screens,
 * and what the router loads with each lazy screen (src/app/router.tsx, withQuery).
 */
const REPORT_FRAME_NEEDS = [
  ...DRAFT_SCREEN,
  'src/app/query.tsx',
  'src/lib/locales/zh-cn-screens.ts',
]

type Rendered = { home: string; reportFrame: string }

async function renderScreens(define: Record<string, string>): Promise<Rendered> {
  const server = await createServer({
    configFile: false,
    root: ROOT,
    logLevel: 'error',
    plugins: [react()],
    resolve: { alias: { '@': `${ROOT}src` } },
    define,
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  try {
    const module = (await server.ssrLoadModule('/src/app/prerender.tsx')) as {
      renderPage(path: string): Promise<string>
      renderFallback(path: string): Promise<string>
    }
    return {
      home: await module.renderPage('/'),
      // Any token: the frame does not show it.
      reportFrame: await module.renderFallback('/q/frame'),
    }
  } finally {
    await server.close()
  }
}

/** The JS files `entries` need (the chunks and their static imports), and with `css` their CSS. */
function chunkFiles(bundle: OutputBundle, entries: string[], css = false): string[] {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk')
  return importClosure(
    bundle,
    entries.map((entry) => {
      // (a module in a chunk group of vite.config.ts is in that chunk, without being its facade)
      const id = `${ROOT}${entry}`
      const chunk =
        chunks.find((each) => each.facadeModuleId === id) ??
        chunks.find((each) => each.moduleIds.includes(id))
      if (!chunk) throw new Error(`prerender: no chunk for ${entry}`)
      return chunk.fileName
    }),
    css,
  )
}

/** The chunks `fileNames` and every chunk they import statically, and with `css` their CSS. */
function importClosure(bundle: OutputBundle, fileNames: string[], css = false): string[] {
  const files = new Set<string>()
  const add = (fileName: string) => {
    if (files.has(fileName)) return
    files.add(fileName)
    const chunk = bundle[fileName]
    if (chunk?.type !== 'chunk') return
    chunk.imports.forEach(add)
    if (css) chunk.viteMetadata?.importedCss.forEach((file) => files.add(file))
  }
  fileNames.forEach(add)
  return [...files]
}

const inlineStylesheets = (bundle: OutputBundle, html: string): string =>
  html.replace(
    /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[^"]+\.css)">/g,
    (_link, fileName: string) => `<style>${String(asset(bundle, fileName).source)}</style>`,
  )

function asset(bundle: OutputBundle, fileName: string): OutputAsset {
  const file = bundle[fileName]
  if (file?.type !== 'asset') throw new Error(`prerender: no ${fileName} in the build`)
  return file
}

export function prerenderHome({ define }: { define: Record<string, string> }): Plugin {
  return {
    name: 'guishang:prerender',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const index = asset(bundle, 'index.html')
      // (less what the page's entry brings: those are loaded already,
      const entries = Object.values(bundle).filter(
        (file): file is OutputChunk => file.type === 'chunk' && file.isEntry,
      )
      // and the draft screen itself: the form is drawn by the time it asks for the rest)
      const started = new Set([
        ...entries.flatMap((entry) => [entry.fileName, ...entry.imports]),
        ...chunkFiles(bundle, DRAFT_SCREEN),
      ])
      const checks = chunkFiles(bundle, REPORT_CHECKS)
        .filter((file) => !started.has(file))
        .map((file) => `/${file}`)
      const shell = String(index.source).replace(
        '</head>',
        `<meta name="${REPORT_CHECKS_META}" content="${checks.join(' ')}"></head>`,
      )
      this.emitFile({ type: 'asset', fileName: SPA_SHELL, source: shell })

      const { home, reportFrame } = await renderScreens(define)
      let html = shell.replace(
        '<div id="root"></div>',
        `<div id="root" data-prerendered="/">${home}</div>`,
      )
      if (html === shell) throw new Error('prerender: index.html has no empty #root')
      // The entry asked for at low priority on the home page: Lighthouse's simulation counts a
      // high-priority script the HTML starts before the first paint on that paint's path, and
      // in runs where the page had it before it painted, FCP and LCP came out 0.4-0.9 s later
      // (home FCP 850-1320 ms at high priority, 667-685 ms at low, same run). Not on report.html:
      // there the form-ready bench lost 0.1 s with it, and FCP did not settle.
      html = html
        .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
        .replace(
          '<script type="module" crossorigin',
          '<script type="module" fetchpriority="low" crossorigin',
        )
      index.source = inlineStylesheets(bundle, html)

      // The frame: its scripts asked for by the loader once it has painted, the entry first,
      // then the vendor chunks it imports, then the form's.
      const entry = entries.find((chunk) => shell.includes(`src="/${chunk.fileName}"`))
      if (!entry) throw new Error('prerender: index.html names no entry script')
      const entryScript = `<script type="module" crossorigin src="/${entry.fileName}"></script>`
      if (!shell.includes(entryScript))
        throw new Error(`prerender: no ${entryScript} in index.html`)
      // (the entry's own stylesheet is inlined in the frame)
      const inlined = entry.viteMetadata?.importedCss ?? new Set<string>()
      const first = importClosure(bundle, [entry.fileName])
      const then = chunkFiles(bundle, REPORT_FRAME_NEEDS, true).filter(
        (file) => !inlined.has(file) && !first.includes(file),
      )
      const asPaths = (files: string[]) => files.map((file) => `/${file}`)
      const frame = shell
        .replace(
          '<div id="root"></div>',
          `<div id="root" data-prerendered="${REPORT_FRAME_MARK}">${reportFrame}</div>`,
        )
        .replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
        .replace(entryScript, reportFrameScriptsMeta(asPaths(first), asPaths(then)))
        // The loader last in the body: the frame that its animation frame waits for is parsed
        // by then. In the head, it waited for the first frame the browser painted, and when the
        // parser had yielded before the frame's markup, that was only the background: the
        // scripts then started before the first contentful paint, and Lighthouse put them on its
        // path (window-code FCP 1117 ms and LCP 1724 ms in one run of three, against ~700).
        .replace('</body>', `<script>${REPORT_FRAME_LOADER}</script></body>`)
      this.emitFile({
        type: 'asset',
        fileName: REPORT_FRAME,
        source: inlineStylesheets(bundle, frame),
      })
    },
  }
}
