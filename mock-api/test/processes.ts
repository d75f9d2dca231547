// Runs server.ts and cli.ts as real processes (through tsx, one process each, so signals reach
// them directly) with a clean environment: only what the test gives, plus PATH and HOME.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Env } from '../config.js'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

const baseEnv = (env: Env): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  LOG_LEVEL: 'warn',
  STATIC_DIR: '/nonexistent/guishang-dist',
  ...env,
})

export type Exit = { code: number | null; signal: NodeJS.Signals | null }

export type RunningServer = {
  child: ChildProcess
  url: string
  output(): string
  stop(signal?: NodeJS.Signals): Promise<Exit>
}

const exited = (child: ChildProcess): Promise<Exit> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve({ code: child.exitCode, signal: child.signalCode })
    : new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))

function runTs(file: string, args: readonly string[], env: Env): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', file, ...args], {
    cwd: ROOT,
    env: baseEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

function collect(child: ChildProcess): () => string {
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return () => output
}

/** Starts mock-api/server.ts on a free port; resolves once it printed its URL, or rejects. */
export async function startServer(env: Env): Promise<RunningServer> {
  const child = runTs('mock-api/server.ts', [], { PORT: '0', ...env })
  const output = collect(child)
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL after 30 s:\n${output()}`)), 30_000)
    const look = () => {
      const match = /App:\s+(http:\/\/\S+?)\/?\s/.exec(output())
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', look)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}:\n${output()}`))
    })
  })
  return {
    child,
    url,
    output,
    stop: (signal = 'SIGTERM') => {
      child.kill(signal)
      return exited(child)
    },
  }
}

/** Runs a server or CLI entry point to completion, feeding `input` on stdin. */
export async function runToEnd(
  file: string,
  args: readonly string[],
  env: Env,
  input = '',
): Promise<Exit & { output: string }> {
  const child = runTs(file, args, env)
  const output = collect(child)
  child.stdin?.end(input)
  const exit = await exited(child)
  return { ...exit, output: output() }
}
