// Builds the web app and the API only when their output is missing or older than any of their
// sources, so `npm start` starts in a second when nothing changed. Shared by start.mjs and
// run-api-tool.mjs. Freshness is by modification time: outputs must be newer than every input.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))

const isTest = (name) => /\.test\.tsx?$/.test(name)

export const WEB = {
  name: 'web app',
  outputs: ['dist/index.html'],
  inputs: [
    'src',
    'public',
    'index.html',
    'vite.config.ts',
    'mock-api/contract.ts',
    'mock-api/contract',
    'mock-api/shared',
    'package-lock.json',
  ],
  command: ['vite', 'build'],
}

export const API = {
  name: 'API',
  outputs: ['build/api/server.js', 'build/api/cli.js'],
  inputs: [
    'mock-api',
    'tsconfig.api.json',
    'tsconfig.api.build.json',
    'tsconfig.base.json',
    'package-lock.json',
  ],
  skip: (path) => path.endsWith('/mock-api/test'),
  // tsc never deletes outputs, so a removed source would live on as a stale .js.
  clean: 'build/api',
  command: ['tsc', '-p', 'tsconfig.api.build.json'],
}

function newestInput(path, skip) {
  if (!existsSync(path) || skip?.(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return isTest(path) ? 0 : stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) {
    newest = Math.max(newest, newestInput(join(path, entry), skip))
  }
  return newest
}

/** The reason a target needs building, or null when its outputs are newer than its inputs. */
export function staleness(target, root = ROOT) {
  const outputs = target.outputs.map((path) => resolve(root, path))
  const missing = outputs.find((path) => !existsSync(path))
  if (missing) return `${missing} is missing`
  const oldestOutput = Math.min(...outputs.map((path) => statSync(path).mtimeMs))
  const newest = Math.max(
    ...target.inputs.map((path) => newestInput(resolve(root, path), target.skip)),
  )
  return newest > oldestOutput ? 'sources changed since the last build' : null
}

/** Runs a tool from node_modules/.bin in the project folder; throws when it fails. */
export function runBin(command, args) {
  const bin = join(ROOT, 'node_modules', '.bin', command)
  const result = spawnSync(bin, args, {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`)
  }
}

/** Builds `target` if it is stale; returns whether it built. */
export function buildIfStale(target) {
  const reason = staleness(target)
  if (reason === null) return false
  console.log(`Building the ${target.name} (${reason})…`)
  if (target.clean) rmSync(resolve(ROOT, target.clean), { recursive: true, force: true })
  const [command, ...args] = target.command
  runBin(command, args)
  return true
}

// `node scripts/build-if-stale.mjs`: both builds, when stale (npm test runs it beside the checks).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildIfStale(WEB)
  buildIfStale(API)
}
