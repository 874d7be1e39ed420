import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// The import rules of 05-engineering.md (.dependency-cruiser.cjs), run the way `npm run deps` runs them.
const ROOT = resolve(import.meta.dirname, '../..')
const CONFIG = join(ROOT, '.dependency-cruiser.cjs')
const BIN = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs')

interface Dependency {
  resolved: string
  dependencyTypes: string[]
}
interface CruiseResult {
  modules: { source: string; dependencies: Dependency[] }[]
  summary: { violations: { from: string; to: string; rule: { name: string } }[] }
}

function cruise(cwd: string, paths: string[]): CruiseResult {
  const run = spawnSync(process.execPath, [BIN, ...paths, '--config', CONFIG, '--output-type', 'json'], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  if (!run.stdout) throw new Error(`dependency-cruiser failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as CruiseResult
}

/** The module a file belongs to, for module-level cycles: server/modules/<m>, or null outside them. */
function moduleOf(path: string): string | null {
  return /^server\/modules\/[^/]+/.exec(path)?.[0] ?? null
}

/** Cycles in the graph of modules (a module importing another that, through any path, imports it back). */
function moduleCycles(result: CruiseResult): string[][] {
  const edges = new Map<string, Set<string>>()
  for (const m of result.modules) {
    const from = moduleOf(m.source)
    if (!from) continue
    for (const d of m.dependencies) {
      const to = moduleOf(d.resolved)
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to))
    }
  }
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string) => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next])
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(node, 'done')
  }
  for (const node of edges.keys()) if (!state.has(node)) visit(node)
  return cycles
}

describe('import rules', () => {
  const result = cruise(ROOT, ['src', 'server', 'mock'])

  it('hold for the whole tree', () => {
    expect(result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([])
  })

  it('leave no cycle between server modules', () => {
    expect(moduleCycles(result).map((c) => c.join(' → '))).toEqual([])
  })

  describe('catch a deliberately wrong import', () => {
    const dir = mkdtempSync(join(tmpdir(), 'import-rules-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    const files: Record<string, string> = {
      'tsconfig.json': '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "Bundler" } }',
      'src/pages/home.ts': "import { secret } from '../../server/modules/a/service'\nexport const page = secret\n",
      'server/modules/a/service.ts': "import { rows } from './repository'\nexport const secret = rows\n",
      'server/modules/a/repository.ts': 'export const rows = 1\n',
      'server/modules/b/routes.ts': "import { rows } from '../a/repository'\nimport { other } from '../a/routes'\nexport const b = rows + other\n",
      'server/modules/a/routes.ts': "import { rows } from './repository'\nexport const other = rows\n",
      'server/modules/c/service.ts': "import { d } from '../d/service'\nexport const c = () => d()\n",
      'server/modules/d/service.ts': "import { c } from '../c/service'\nexport const d = (): unknown => c\n",
      'server/contracts/x.ts': "import { c } from '../modules/c/service'\nexport const x = c\n",
      'mock/x/app.ts': "import { secret } from '../../server/modules/a/service'\nexport const mock = secret\n",
    }
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true })
      writeFileSync(join(dir, path), text)
    }
    const broken = cruise(dir, ['src', 'server', 'mock'])
    const names = new Set(broken.summary.violations.map((v) => v.rule.name))

    it.each([
      'src-imports-server',
      'repository-of-another-module',
      'routes-use-services',
      'routes-of-another-module',
      'no-circular',
      'contracts-below-modules',
      'mocks-are-agencies',
    ])('%s', (rule) => {
      expect(names).toContain(rule)
    })

    it('module cycles', () => {
      expect(moduleCycles(broken).map((c) => c.join(' → '))).toContain('server/modules/c → server/modules/d → server/modules/c')
    })
  })
})
