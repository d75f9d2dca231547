import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { WORKBOX_OPTIONS } from './scripts/pwa-workbox'
import { precompress } from './scripts/vite-precompress'
import { prerenderHome } from './scripts/vite-prerender'

const THEME_COLOR = '#0a4a94'
const BACKGROUND_COLOR = '#f5f7fa'

// Every build gets its own id (override with BUILD_ID), so a rebuilt app is a new service
// worker version and tests can tell which version a page runs.
const BUILD_ID = process.env.BUILD_ID ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z')

const DEFINE = { 'import.meta.env.VITE_BUILD_ID': JSON.stringify(BUILD_ID) }

const vendor = (...packages: string[]) =>
  new RegExp(`[\\\\/]node_modules[\\\\/](${packages.join('|')})[\\\\/]`)

const app = (pattern: string) => new RegExp(`[\\\\/]src[\\\\/](${pattern})`)
/**
 * What a window code's link runs to become a draft's form, beyond the entry and the libraries
 * (the `report-form` group below).
 */
const REPORT_FORM = app(
  [
    'app/routes/(code|draft)\\.tsx',
    'app/query\\.tsx',
    'features/report/(fields/|field-paths|photos|use-photos|refusal|division|use-code-check-result|draft-checks|use-draft|draft-form|report\\.css|profile|drafts\\.ts|receipt-store|use-receipt)',
    'features/scan/(parse-code|service-point|queries|use-code-check)\\.ts',
    'ui/(choice-cards\\.tsx|field\\.|file-picker\\.|empty-state\\.)',
    'lib/(compress-photo|db|ids|http|query-client|same-data|use-same-while-equal)\\.ts',
    'lib/locales/zh-cn-screens\\.ts',
  ]
    .join('|')
    .replaceAll('/', '[\\\\/]'),
)

/** V8's magic comment asking to compile every function of the file eagerly; must open it. */
const COMPILE_ALL_ON_LOAD = '//# allFunctionsCalledOnLoad'

/** The vendor chunks the entry imports statically (the groups below). */
const ENTRY_VENDOR_CHUNK = /(^|\/)assets\/(rolldown-runtime|react)-[\w-]+\.js$/

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'generateSW',
      // The user decides when a new version takes over (the update banner); the first install
      // still controls the page at once through clientsClaim.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        id: '/',
        name: '桂商码 · 反映问题',
        short_name: '桂商码',
        description:
          '广西经营主体扫码反映问题、跟踪办理进度并评价结果。离线也能写草稿，联网后再发送。',
        lang: 'zh-CN',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'portrait',
        theme_color: THEME_COLOR,
        background_color: BACKGROUND_COLOR,
        categories: ['business', 'government', 'utilities'],
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icon-512-maskable.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      workbox: WORKBOX_OPTIONS,
      devOptions: { enabled: false },
    }),
    prerenderHome({ define: DEFINE }),
    precompress(),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      {
        find: /^use-sync-external-store\/shim(\/index\.js)?$/,
        replacement: fileURLToPath(
          new URL('./src/lib/react-use-sync-external-store.ts', import.meta.url),
        ),
      },
    ],
  },
  define: DEFINE,
  build: {
    target: 'es2022',
    // A lazy screen's import first adds a modulepreload link for each chunk it needs (Vite's
    // preload helper), a few milliseconds of main thread each on a slow phone. The chunks the
    // entry imports itself are loaded before any lazy import runs: no link for them.
    modulePreload: {
      resolveDependencies: (_file, deps) => deps.filter((dep) => !ENTRY_VENDOR_CHUNK.test(dep)),
    },
    rolldownOptions: {
      output: {
        // V8's explicit compile hint (Chrome 136+; a plain comment elsewhere): the vendor chunk's
        // functions are compiled while it streams in, off the main thread, instead of each on
        // its first call. Nearly all of React and the router run at start-up. In traces
        // at Lighthouse's throttling, four runs each, alternated: the main thread's compile time
        // until the form showed fell from 704-793 ms to 466-605 ms, tasks over 12.5 ms from
        // 44-52 to 32-49, and the form showed as soon or sooner in each pair. (Not on chunks with
        // dynamic imports: Vite puts its import map before the comment, which must come first.)
        postBanner: (chunk) => (chunk.name === 'react' ? COMPILE_ALL_ON_LOAD : ''),
        // Libraries in chunks of their own: a deploy that changes only app code leaves them
        // byte-identical, so the service worker does not download them again.
        codeSplitting: {
          groups: [
            // React and its router: every first render needs all of them, and one file is 0.5 KB
            // gzip smaller than two (measured).
            {
              name: 'react',
              test: vendor('react', 'react-dom', 'scheduler', 'react-router'),
            },
            { name: 'query', test: vendor('@tanstack') },
            { name: 'antd-mobile', test: vendor('antd-mobile', '@react-spring', '@use-gesture') },
            { name: 'dexie', test: vendor('dexie', 'dexie-react-hooks') },
            { name: 'zod', test: vendor('zod') },
            // The report form's own modules in one chunk instead of seventeen of 0.1-5 KB: report.
            // html's loader asks for them once the vendor chunk is in, over the six connections a
            // browser opens to one HTTP/1.1 server, and seventeen small requests took four round
            // trips more than their bytes (in at 2.0 s instead of 1.7 s in a trace at Lighthouse's
            // throttling; form-ready 2.78-2.91 s against 2.93-3.07 s, three runs of one sitting).
            // Only these modules: what they import stays where it is (with their dependencies,
            // the group took the entry's own modules and the contract, with zod, along). Other
            // screens that share some of them load the chunk whole. Not the draft's checks: they
            // load on the first edit (draft-checks.ts).
            {
              name: 'report-form',
              test: REPORT_FORM,
              includeDependenciesRecursively: false,
            },
            // The rules the app and the API share without zod (divisions, credit codes, the report's
            // choices): a chunk of their own, so the report form draws them without the contract.
            { name: 'shared-rules', test: /[\\/]mock-api[\\/]shared[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      // Streamed through (server-sent events): no websocket upgrade, no idle timeout.
      '/api': { target: 'http://localhost:8080', ws: false, proxyTimeout: 0 },
    },
  },
  preview: { port: 4173, strictPort: true },
})
