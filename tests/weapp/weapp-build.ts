import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, resolve } from 'node:path'

/** Where `npm run build:weapp` writes the WeChat project (config/index.ts). */
export const WEAPP_DIST = resolve('dist')

/** app.json as WeChat reads it: the main package's pages and the subpackages. */
export interface AppJson {
  pages: string[]
  subPackages?: { root: string; pages: string[] }[]
}

/** Fails, never skips, when there is no weapp build: CI always builds it before `npm test`. */
export function assertWeappBuilt(): void {
  if (!existsSync(join(WEAPP_DIST, 'app.json'))) {
    throw new Error(`No weapp build in ${WEAPP_DIST}: run \`npm run build:weapp\` first (.ci/run builds it before \`npm test\`).`)
  }
}

/**
 * A private copy of the built weapp in a temp folder. Outside the project on
 * purpose: the project's `"type": "module"` would make Node load the build's
 * CommonJS files as ES modules.
 */
export function copyWeappBuild(): string {
  assertWeappBuilt()
  const root = join(mkdtempSync(join(tmpdir(), 'onecity-weapp-')), 'dist')
  cpSync(WEAPP_DIST, root, { recursive: true })
  return root
}

/** The build's app.json. */
export function readAppJson(root: string): AppJson {
  return JSON.parse(readFileSync(join(root, 'app.json'), 'utf8')) as AppJson
}

/** Every page of the app, main package first, as paths without extension ("packages/webview/pages/index/index"). */
export function allPages(app: AppJson): string[] {
  return [...app.pages, ...(app.subPackages ?? []).flatMap((p) => p.pages.map((page) => posix.join(p.root, page)))]
}

/** Files under `root` whose name ends with `ext`, relative and with forward slashes. */
export function filesWithExtension(root: string, ext: string, under = ''): string[] {
  return readdirSync(join(root, under), { withFileTypes: true }).flatMap((entry) => {
    const rel = under ? posix.join(under, entry.name) : entry.name
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesWithExtension(root, ext, rel)
    return entry.name.endsWith(ext) ? [rel] : []
  })
}
