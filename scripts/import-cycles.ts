/**
 * The import cycles among the repo's own modules, type-only imports included (import-x/no-cycle
 * skips those, and a type cycle still ties two layers together). layer-rules.test.ts asserts there
 * are none; `npx tsx scripts/import-cycles.ts` lists them while untangling.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'

const EXTENSIONS = ['.ts', '.tsx']

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return EXTENSIONS.some((e) => name.endsWith(e)) && !name.endsWith('.d.ts') ? [path] : []
  })
}

function resolveImport(root: string, from: string, specifier: string): string | undefined {
  let base: string
  if (specifier.startsWith('@/')) base = join(root, 'src', specifier.slice(2))
  else if (specifier.startsWith('.')) base = resolve(dirname(from), specifier)
  else return undefined
  const stem = base.replace(/\.(m?js|jsx)$/, '')
  const candidates = [
    base,
    ...EXTENSIONS.map((e) => stem + e),
    ...EXTENSIONS.map((e) => join(base, 'index' + e)),
  ]
  return candidates.find((c) => EXTENSIONS.some((e) => c.endsWith(e)) && existsSync(c))
}

/** Each strongly connected group of two or more files (or a file importing itself), repo-relative. */
export function importCycles(root: string, dirs: readonly string[]): string[][] {
  const files = dirs.flatMap((d) => sourceFiles(join(root, d)))
  const edges = new Map<string, string[]>()
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets = info.importedFiles
      .map((f) => resolveImport(root, file, f.fileName))
      .filter((t): t is string => t !== undefined)
    edges.set(file, targets)
  }
  // Tarjan's strongly connected components.
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const groups: string[][] = []
  const visit = (v: string): void => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        if (!edges.has(w)) continue
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = []
      let w: string
      do {
        w = stack.pop()!
        onStack.delete(w)
        group.push(w)
      } while (w !== v)
      if (group.length > 1 || (edges.get(v) ?? []).includes(v)) groups.push(group)
    }
  }
  for (const file of files) if (!index.has(file)) visit(file)
  return groups.map((g) => g.map((f) => relative(root, f)).sort())
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dirs = process.argv.slice(2)
  const groups = importCycles(process.cwd(), dirs.length ? dirs : ['mock-api', 'src'])
  for (const g of groups) console.log(`${g.length} files:\n  ${g.join('\n  ')}`)
  console.log(
    `cycles: ${groups.length}, files in cycles: ${groups.reduce((n, g) => n + g.length, 0)}`,
  )
}
