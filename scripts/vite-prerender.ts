/**
 * A Vite build plugin: the home screen painted from the HTML. It renders `/` in Node through
 * src/app/prerender.tsx (a throwaway Vite SSR server on the same sources) into index.html's
 * `#root`, marked `data-prerendered="/"` so main.tsx hydrates it, inlines the entry stylesheet
 * (one round trip less before the first paint) and drops the `modulepreload` links (under
 * Lighthouse's simulated throttling they sit on the first paint's path; the scripts still load,
 * just after the HTML has painted). The plain shell, with its preloads, is kept as app.html: the
 * server and the service worker answer every other app route with it, since those screens
 * need their scripts before they can draw anything.
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { createServer, type Plugin } from 'vite'
import type { OutputAsset, OutputBundle } from 'rolldown'

export const SPA_SHELL = 'app.html'
const ROOT = fileURLToPath(new URL('..', import.meta.url))

async function renderHome(define: Record<string, string>): Promise<string> {
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
    }
    return await module.renderPage('/')
  } finally {
    await server.close()
  }
}

function asset(bundle: OutputBundle, fileName: string): OutputAsset {
  const file = bundle[fileName]
  if (file?.type !== 'asset') throw new Error(`prerender: no ${fileName} in the build`)
  return file
}

export function prerenderHome({ define }: { define: Record<string, string> }): Plugin {
  return {
    name: 'guishang:prerender-home',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const index = asset(bundle, 'index.html')
      const shell = String(index.source)
      this.emitFile({ type: 'asset', fileName: SPA_SHELL, source: shell })

      const markup = await renderHome(define)
      let html = shell.replace(
        '<div id="root"></div>',
        `<div id="root" data-prerendered="/">${markup}</div>`,
      )
      if (html === shell) throw new Error('prerender: index.html has no empty #root')
      html = html.replace(/\s*<link rel="modulepreload"[^>]*>/g, '')
      html = html.replace(
        /<link rel="stylesheet"(?: crossorigin)? href="\/(assets\/[^"]+\.css)">/g,
        (_link, fileName: string) => `<style>${String(asset(bundle, fileName).source)}</style>`,
      )
      index.source = html
    },
  }
}
