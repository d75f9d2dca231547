// `npm run db:migrate | db:seed | admin:create`: builds the API when stale, then runs the
// command from build/api/cli.js in this process (so a terminal prompt reaches the user).
import { API, buildIfStale } from './build-if-stale.mjs'

try {
  buildIfStale(API)
} catch (error) {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
}

const { runCli } = await import('../build/api/cli.js')
process.exitCode = await runCli(process.argv.slice(2))
