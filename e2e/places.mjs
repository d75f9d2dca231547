import { fileURLToPath } from 'node:url'

export const E2E_ROOT = fileURLToPath(new URL('../.tmp/e2e/', import.meta.url))
export const E2E_DATA = `${E2E_ROOT}data`
/** What the e2e server serves; a test may copy a newer build over it ("deploy"). */
export const E2E_WWW = `${E2E_ROOT}www`
/** The e2e server's log (info level): the development code sender writes link codes to it. */
export const E2E_LOG = `${E2E_ROOT}server.log`
