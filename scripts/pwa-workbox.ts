/**
 * The service worker's options (vite-plugin-pwa's generateSW), apart from vite.config.ts so a
 * test can hold them to the rule: nothing under /api is ever cached or answered by the worker.
 * API answers carry personal data (and say `Cache-Control: no-store`); the app keeps what it
 * needs offline in IndexedDB, not in a Cache Storage a shared phone could read back.
 */
import type { VitePWAOptions } from 'vite-plugin-pwa'

/** The navigations answered with report.html (src/app/shell/report-frame-path.ts). */
export const REPORT_FRAME_PATH = /^\/(q|drafts)\/[^/]+\/?$/

export const WORKBOX_OPTIONS: NonNullable<VitePWAOptions['workbox']> = {
  // No png/webmanifest here: includeManifestIcons already precaches the manifest and its
  // icons, and listing them again puts them in the precache twice.
  globPatterns: ['**/*.{js,css,html,svg,ico,woff2}'],
  // The staff console and its charts are for desks at a computer: owners' phones should
  // not download them in the background. They load from the network when opened.
  globIgnores: ['**/staff-*', '**/echarts-setup-*'],
  // The plain shell: index.html holds the prerendered home, right only at `/` (which the
  // precache answers with index.html itself).
  navigateFallback: '/app.html',
  // The API is never answered from the precache: its data is TanStack Query's business.
  // A window code's link and a draft get the report form's frame instead (sw-report-frame.js).
  navigateFallbackDenylist: [/^\/api\//, REPORT_FRAME_PATH],
  cleanupOutdatedCaches: true,
  // Background Sync relays to open pages (public/sw-sync.js says why the page, not the
  // worker, sends), and a notification click opens its ticket (sw-notification-click.js).
  // importScripts keeps generateSW: no custom worker to maintain for 60 lines, and
  // precaching, navigation fallback and the update prompt stay as they were.
  // A Web Push message shows as a notification (sw-push.js).
  // A window code's link and a draft open on report.html, the form's frame (sw-report-frame.js).
  importScripts: ['sw-sync.js', 'sw-notification-click.js', 'sw-push.js', 'sw-report-frame.js'],
  clientsClaim: true,
  skipWaiting: false,
}
