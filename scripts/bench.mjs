#!/usr/bin/env node
// `npm run bench`: measures size and speed and rewrites docs/BENCHMARKS.md. Nothing here is a
// pass/fail test; the targets are written next to the figures. Only compare figures from one
// run: this machine is shared and noisy.
//   npm run bench                     every suite
//   npm run bench -- bundle lighthouse  only these suites (the file is rewritten with them)
import { cpus, totalmem } from 'node:os'
import { writeFileSync } from 'node:fs'
import { bundleReport, measureBundles } from './bench/bundle-size.mjs'
import { lighthouseReport, measureLighthouse } from './bench/lighthouse.mjs'
import { startApp } from './bench/serve.mjs'

const PORT = 4180
const wanted = new Set(process.argv.slice(2))
const runs = (name) => wanted.size === 0 || wanted.has(name)

const sections = []
const app = await startApp({ port: PORT, env: { RATE_LIMITS: 'off' } })
try {
  if (runs('bundle')) {
    console.log('bench: bundle sizes…')
    sections.push(bundleReport(await measureBundles({ url: app.url, distDir: 'dist' })))
  }
  if (runs('lighthouse')) {
    console.log('bench: lighthouse ×3…')
    sections.push(lighthouseReport(measureLighthouse(`${app.url}/`)))
  }
} finally {
  await app.stop()
}

const header = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
    `Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB. ` +
    'The machine is shared and noisy: compare figures from the same run only.',
  '',
]
writeFileSync('docs/BENCHMARKS.md', [...header, ...sections].join('\n'))
console.log('bench: wrote docs/BENCHMARKS.md')
