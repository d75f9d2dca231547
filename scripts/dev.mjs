// `npm run dev`: Vite with hot reload (it proxies /api to the API) and the API under
// `tsx watch`, side by side with prefixed output. Ctrl-C, or either one exiting, stops both.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { ROOT } from './build-if-stale.mjs'

const COLORS = { web: '\x1b[36m', api: '\x1b[35m' }
const RESET = '\x1b[0m'

const children = new Map()
let isStopping = false

function prefixLines(name, stream, target) {
  const label = process.stdout.isTTY ? `${COLORS[name]}[${name}]${RESET} ` : `[${name}] `
  createInterface({ input: stream }).on('line', (line) => target.write(`${label}${line}\n`))
}

function start(name, command, args) {
  const child = spawn(join(ROOT, 'node_modules', '.bin', command), args, {
    cwd: ROOT,
    env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
  })
  prefixLines(name, child.stdout, process.stdout)
  prefixLines(name, child.stderr, process.stderr)
  child.on('exit', (code, signal) => {
    children.delete(name)
    if (!isStopping) {
      console.log(`[${name}] exited (${code ?? signal}); stopping the other one.`)
      stop(code ?? 1)
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0)
    }
  })
  children.set(name, child)
}

function stop(code = 0) {
  if (isStopping) return
  isStopping = true
  process.exitCode = code
  if (children.size === 0) process.exit(code)
  for (const child of children.values()) child.kill('SIGTERM')
}

process.on('SIGINT', () => stop(0))
process.on('SIGTERM', () => stop(0))

start('api', 'tsx', ['watch', 'mock-api/server.ts'])
start('web', 'vite', [])
console.log(
  'Open the app at http://localhost:5173/ (Vite, hot reload); /api goes to the API on :8080.',
)
