/**
 * Build only (vite.config.ts aliases `use-sync-external-store/shim` here): antd-mobile asks for
 * the shim that brings useSyncExternalStore to React 17 and older; React 19 has its own, which the
 * shim would only look up and return. 0.4 KB gzip less in the first load.
 */
export { useSyncExternalStore } from 'react'
