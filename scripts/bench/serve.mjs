// Starts the app the way a user does (`npm start`: build when stale, one process) on a spare
// port with a throwaway data folder, and stops it again.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export async function startApp({ port, env = {} }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'guishang-bench-'))
  const child = spawn('node', ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let log = ''
  child.stdout.on('data', (chunk) => (log += chunk))
  const url = `http://localhost:${port}`
  const deadline = Date.now() + 300_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`)
    try {
      const res = await fetch(`${url}/api/health`)
      // (the banner, with the window code, follows listening by a moment)
      if (res.ok && /Press Ctrl-C/.test(log)) break
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  // The demo banner prints a window code's link (`/q/<token>`) for the sample service point.
  const codeUrl = /Window code:\s+(\S+)/.exec(log)?.[1] ?? null
  return {
    url,
    codeUrl,
    dataDir,
    async stop() {
      child.kill('SIGTERM')
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
