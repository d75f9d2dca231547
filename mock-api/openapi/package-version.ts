// The app's version for the API document: from the nearest package.json named guishang above this
// module, which is the repository's both from source (mock-api/openapi) and built (build/api/openapi).
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const PACKAGE_NAME = 'guishang'

export function readPackageVersion(
  start: string = dirname(fileURLToPath(import.meta.url)),
): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json')
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown }
      if (json.name === PACKAGE_NAME && typeof json.version === 'string') return json.version
    }
    if (dirname(dir) === dir) return '0.0.0'
  }
}
