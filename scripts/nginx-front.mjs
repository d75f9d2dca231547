// Debian's nginx in front of API instances, configured from deploy/nginx/guishang.conf (the
// file a province installs), for the nginx integration test and `npm run bench -- scale`. Only
// the listen address and the upstream servers are replaced; everything else is the shipped file.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const NGINX_PATH = process.env.NGINX_PATH ?? '/usr/sbin/nginx'
const SITE = fileURLToPath(new URL('../deploy/nginx/guishang.conf', import.meta.url))

/** The shipped site file with its instances and listen address replaced. */
export function renderSite({ port, upstreams, exposeUpstream = false }) {
  const servers = upstreams
    .map((address) => `    server ${address} max_fails=1 fail_timeout=5s;`)
    .join('\n')
  let site = readFileSync(SITE, 'utf8')
    .replace(/# instances:begin[\s\S]*?# instances:end/, servers)
    .replace(/^ {4}listen 80;$/m, `    listen 127.0.0.1:${port};`)
  // Tests and the bench want to know which instance answered; a deployment does not say.
  if (exposeUpstream) {
    site = site.replace(
      /server_name _;/,
      'server_name _;\n    add_header X-Upstream $upstream_addr always;',
    )
  }
  return site
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0

/** Starts nginx in the foreground on 127.0.0.1:port; resolves once it answers. */
export async function startNginx({
  port,
  upstreams,
  exposeUpstream = false,
  workers = 1,
  connections = 1024,
}) {
  if (!existsSync(NGINX_PATH)) {
    throw new Error(
      `nginx is missing at ${NGINX_PATH}: apt-get install -y nginx (or set NGINX_PATH)`,
    )
  }
  const dir = mkdtempSync(join(tmpdir(), 'guishang-nginx-'))
  const write = (upstreamList) =>
    writeFileSync(
      join(dir, 'guishang.conf'),
      renderSite({ port, upstreams: upstreamList, exposeUpstream }),
    )
  write(upstreams)
  const temp = (name) => `${name}_temp_path ${join(dir, name)};`
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      isRoot() ? 'user root;' : '',
      `worker_processes ${workers};`,
      `worker_rlimit_nofile ${connections * 2 + 100};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      `pid ${join(dir, 'nginx.pid')};`,
      `events { worker_connections ${connections}; }`,
      'http {',
      '  access_log off;',
      `  ${temp('client_body')} ${temp('proxy')} ${temp('fastcgi')} ${temp('uwsgi')} ${temp('scgi')}`,
      `  include ${join(dir, 'guishang.conf')};`,
      '}',
    ].join('\n'),
  )
  const conf = join(dir, 'nginx.conf')
  const check = spawnSync(NGINX_PATH, ['-t', '-q', '-p', dir, '-c', conf], { encoding: 'utf8' })
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`)
  const child = spawn(NGINX_PATH, ['-p', dir, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let log = ''
  child.stderr.on('data', (chunk) => (log += chunk))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 10_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited:\n${log}`)
    try {
      await fetch(`${url}/nginx-is-up`, { signal: AbortSignal.timeout(1_000) })
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx does not answer on ${url}:\n${log}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  return {
    url,
    dir,
    log: () =>
      log +
      (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''),
    /** Rewrites the instances and reloads gracefully (as deploy/rolling-restart.sh does). */
    reload(upstreamList) {
      write(upstreamList)
      child.kill('SIGHUP')
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
