/**
 * The layers are enforced, not described: ESLint (eslint.config.js) refuses a back-import in each
 * server layer and an import cycle, and no two modules import each other even by type only
 * (scripts/import-cycles.ts). Each case lints a deliberate back-import as if it were written in a
 * real file of that layer; the file on disk is not touched.
 */
import { readdirSync } from 'node:fs'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { importCycles } from '../scripts/import-cycles.js'

const RULES = ['import-x/no-restricted-paths', 'no-restricted-imports', 'import-x/no-cycle']
// Only the import rules run, so the type-aware parsing the other rules need is switched off.
const eslint = new ESLint({
  ruleFilter: ({ ruleId }) => RULES.includes(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
})

/** The rules `code` breaks when it stands in `filePath`. */
async function brokenRules(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

const BACK_IMPORTS = [
  {
    layer: 'a route reading storage',
    file: 'mock-api/routes/health.ts',
    code: "import { findTicket } from '../storage/tickets.js'\nexport const f = findTicket\n",
    rule: 'no-restricted-imports',
  },
  {
    layer: 'an Open311 route reading storage',
    file: 'mock-api/routes/open311/requests.ts',
    code: "import { findTicket } from '../../storage/tickets.js'\nexport const f = findTicket\n",
    rule: 'no-restricted-imports',
  },
  {
    layer: 'workflow building an HTTP problem',
    file: 'mock-api/workflow/claims.ts',
    code: "import { ProblemError } from '../plugins/problems.js'\nexport const f = ProblemError\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    layer: 'workflow importing a route',
    file: 'mock-api/workflow/claims.ts',
    code: "import type { AppDeps } from '../app.js'\nexport type F = AppDeps\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    layer: 'storage importing workflow',
    file: 'mock-api/storage/tickets.ts',
    code: "import { Refused } from '../workflow/refused.js'\nexport const f = Refused\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    layer: 'the domain importing storage',
    file: 'mock-api/domain/phone.ts',
    code: "import type { TicketRow } from '../storage/tickets.js'\nexport type F = TicketRow\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    layer: 'a plugin importing a route',
    file: 'mock-api/plugins/problems.ts',
    code: "import { healthRoutes } from '../routes/health.js'\nexport const f = healthRoutes\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    layer: 'deps/ importing the app',
    file: 'mock-api/deps/app-deps.ts',
    code: "import { BODY_LIMIT } from '../app.js'\nexport const f = BODY_LIMIT\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    layer: 'the contract importing the domain',
    file: 'mock-api/contract/common.ts',
    code: "import { isTerminal } from '../domain/ticket-machine.js'\nexport const f = isTerminal\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    layer: 'shared/ importing the contract',
    file: 'mock-api/shared/plain-text.ts',
    code: "import { problemSchema } from '../contract.js'\nexport const f = problemSchema\n",
    rule: 'import-x/no-restricted-paths',
  },
  {
    layer: 'the app importing workflow',
    file: 'src/features/report/to-report.ts',
    code: "import { Refused } from '../../../mock-api/workflow/refused'\nexport const f = Refused\n",
    rule: 'import-x/no-restricted-paths',
  },
]

/** Every route module, in sub-folders too (open311/), tests left out. */
const routeModules = () =>
  readdirSync('mock-api/routes', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => `mock-api/routes/${file}`)
    .sort()

const storageImport = (file: string) => {
  const up = '../'.repeat(file.split('/').length - 2)
  return `import { findTicket } from '${up}storage/tickets.js'\nexport const f = findTicket\n`
}

describe('the layer rules', () => {
  // First: import-x/no-cycle remembers the modules it has walked for the whole process.
  it('report an import cycle', { timeout: 120_000 }, async () => {
    const code = "import { deadlineAfter } from './deadlines.js'\nexport const f = deadlineAfter\n"
    expect(await brokenRules('mock-api/domain/working-days.ts', code)).toContain(
      'import-x/no-cycle',
    )
  })

  it('report a back-import in every layer', { timeout: 120_000 }, async () => {
    for (const { layer, file, code, rule } of BACK_IMPORTS) {
      expect({ layer, broken: await brokenRules(file, code) }).toEqual({
        layer,
        broken: expect.arrayContaining([rule]) as unknown,
      })
    }
  })

  it('refuse a storage import in every route, Open311 included', async () => {
    const routes = routeModules()
    expect(routes).toEqual(expect.arrayContaining(['mock-api/routes/open311/requests.ts']))
    const allowed: string[] = []
    for (const file of routes) {
      const broken = await brokenRules(file, storageImport(file))
      if (!broken.includes('no-restricted-imports')) allowed.push(file)
    }
    expect(allowed).toEqual([])
  })

  it('find no import cycle in mock-api/ and src/, type-only imports included', () => {
    expect(importCycles(process.cwd(), ['mock-api', 'src'])).toEqual([])
  })
})
