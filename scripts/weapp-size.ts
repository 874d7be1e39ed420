import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/** WeChat's limit is 2 MB per package; ours for the main package is 450 KB (04/05 spec budgets). */
export const MAIN_PACKAGE_BUDGET_BYTES = 450 * 1024

export interface WeappSize {
  mainBytes: number
  budgetBytes: number
  subpackages: Record<string, number>
  measuredAt: string
}

interface SubpackageDecl {
  root: string
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(path) : [path]
  })
}

function normalizeRoot(root: string): string {
  return root.replace(/^\.?\//, '').replace(/\/?$/, '/')
}

/**
 * Bytes of the built mini-program in `dir`: the main package is every file
 * not under a subpackage root declared in app.json (subPackages or
 * subpackages); each subpackage is the files under its root.
 */
export function measureWeappSize(dir = 'dist', now = new Date()): WeappSize {
  const app = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8')) as { subPackages?: SubpackageDecl[]; subpackages?: SubpackageDecl[] }
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => normalizeRoot(p.root))
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((r) => [r.replace(/\/$/, ''), 0]))
  let mainBytes = 0
  for (const file of listFiles(dir)) {
    const rel = relative(dir, file).split(sep).join('/')
    const bytes = statSync(file).size
    const root = roots.find((r) => rel.startsWith(r))
    if (root) subpackages[root.replace(/\/$/, '')]! += bytes
    else mainBytes += bytes
  }
  return { mainBytes, budgetBytes: MAIN_PACKAGE_BUDGET_BYTES, subpackages, measuredAt: now.toISOString() }
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`
}

function main(): void {
  const dir = process.argv[2] ?? 'dist'
  let size: WeappSize
  try {
    size = measureWeappSize(dir)
  } catch (error) {
    console.error(`Cannot measure ${dir}/: ${(error as Error).message}. Run \`npm run build:weapp\` first.`)
    process.exit(2)
  }
  console.log(`weapp main package: ${kb(size.mainBytes)} (budget ${kb(size.budgetBytes)})`)
  for (const [root, bytes] of Object.entries(size.subpackages)) console.log(`  subpackage ${root}: ${kb(bytes)}`)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/weapp-size.json', JSON.stringify(size, null, 2) + '\n')
  if (size.mainBytes > size.budgetBytes) {
    console.error(`Over budget by ${kb(size.mainBytes - size.budgetBytes)}`)
    process.exit(1)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
