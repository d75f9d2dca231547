/**
 * The wire contract between the app and the API: zod schemas and the types inferred from them.
 * Imports nothing but zod and the shared rules (shared/), because the browser bundle and the server
 * both load it. The app validates a draft with the same schema the API enforces.
 *
 * This module is the one index (check-file/no-index rules out index.ts): the schemas live in
 * contract/, one module per audience, and everyone imports them from here.
 */
export { DIVISIONS } from './shared/divisions.js'
export * from './contract/common.js'
export * from './contract/tickets.js'
export * from './contract/problems.js'
export * from './contract/owner.js'
export * from './contract/report-batch.js'
export * from './contract/staff.js'
export * from './contract/admin.js'
export * from './contract/statistics.js'
