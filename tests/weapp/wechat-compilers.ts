import { spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, posix, resolve } from 'node:path'

/** What WeChat's compiler said about one page or component and the files it compiled with it. */
export interface CompileResult {
  /** The page or component ("pages/home/index"), or a lone file. */
  entry: string
  /** Every file given to the compiler, relative to the build. */
  files: string[]
  ok: boolean
  /** The compiler's messages (empty when ok), plus imports of files the build does not have. */
  errors: string
  /** The compiled JavaScript (wcc: defines `$gwx`). */
  output: string
}

/** Paths to WeChat's own `wcc` (WXML) and `wcsc` (WXSS) compilers. */
export interface WechatCompilers {
  wcc: string
  wcsc: string
}

/**
 * WeChat's compilers from `miniprogram-compiler`, copied to a temp folder
 * with the execute bit that npm's tarball does not keep (so node_modules
 * itself is never changed).
 */
export function wechatCompilers(): WechatCompilers {
  const platform = process.platform === 'darwin' ? 'mac' : 'linux'
  const source = resolve('node_modules/miniprogram-compiler/bin', platform)
  const dir = mkdtempSync(join(tmpdir(), 'onecity-wechat-compilers-'))
  const copy = (name: string) => {
    const target = join(dir, name)
    copyFileSync(join(source, name), target)
    chmodSync(target, 0o755)
    return target
  }
  return { wcc: copy('wcc'), wcsc: copy('wcsc') }
}

const WXML_DEPENDENCY = /<(?:import|include|wxs)\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g
const WXSS_IMPORT = /@import\s+["']([^"']+)["']/g

function resolveFrom(root: string, from: string, target: string): string {
  return target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.join(posix.dirname(from), target)
}

function readJson(root: string, file: string): { usingComponents?: Record<string, string> } | undefined {
  const path = join(root, file)
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { usingComponents?: Record<string, string> }) : undefined
}

/**
 * The files WeChat compiles together for one page or component: its WXML,
 * what that imports, includes and loads as WXS, and the same for every
 * custom component it uses (usingComponents), transitively.
 */
function wxmlClosure(root: string, entry: string) {
  const wxml = new Set<string>()
  const wxs = new Set<string>()
  const components = new Map<string, string[]>()
  const missing: string[] = []
  const seenComponents = new Set<string>()

  const visitFile = (file: string, from: string) => {
    if (wxml.has(file) || wxs.has(file)) return
    if (!existsSync(join(root, file))) {
      missing.push(`${from} needs ${file}, which the build does not have`)
      return
    }
    if (file.endsWith('.wxs')) {
      wxs.add(file)
      return
    }
    wxml.add(file)
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(WXML_DEPENDENCY)) visitFile(resolveFrom(root, file, match[1]!), file)
  }
  const visitComponent = (component: string, from: string) => {
    if (seenComponents.has(component)) return
    seenComponents.add(component)
    visitFile(`${component}.wxml`, from)
    const using = readJson(root, `${component}.json`)?.usingComponents ?? {}
    if (Object.keys(using).length) components.set(`${component}.wxml`, Object.keys(using))
    for (const path of Object.values(using)) {
      if (!path.startsWith('plugin://')) visitComponent(resolveFrom(root, component, path), `${component}.json`)
    }
  }
  visitComponent(entry, entry)
  return { wxml: [...wxml], wxs: [...wxs], components, missing }
}

/** Compiles one page or component's WXML with `wcc`, as WeChat does: with its imports and custom components. */
export function compileWxml(compilers: WechatCompilers, root: string, entry: string): CompileResult {
  const { wxml, wxs, components, missing } = wxmlClosure(root, entry)
  // wcc's component table: how many files use components, then per file its path, count and tag names.
  const table = [components.size, ...[...components].flatMap(([file, names]) => [file, names.length, ...names])].join(' ')
  const run = spawnSync(compilers.wcc, ['-d', '-cc', table, ...wxml, ...wxs, '-gn', '$gwx'], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
  const errors = [run.error?.message ?? '', run.stderr?.toString().trim() ?? '', ...missing].filter(Boolean).join('\n')
  return { entry, files: [...wxml, ...wxs], ok: run.status === 0 && !errors, errors, output: run.stdout?.toString() ?? '' }
}

function wxssClosure(root: string, entry: string) {
  const files: string[] = []
  const missing: string[] = []
  const visit = (file: string, from: string) => {
    if (files.includes(file)) return
    if (!existsSync(join(root, file))) {
      missing.push(`${from} imports ${file}, which the build does not have`)
      return
    }
    files.push(file)
    for (const match of readFileSync(join(root, file), 'utf8').matchAll(WXSS_IMPORT)) visit(resolveFrom(root, file, match[1]!), file)
  }
  visit(entry, entry)
  return { files, missing }
}

/**
 * Compiles one WXSS file with `wcsc` together with everything it imports;
 * a page's or component's own style is marked as such (`-pc 1`), as WeChat
 * compiles it.
 */
export function compileWxss(compilers: WechatCompilers, root: string, file: string): CompileResult {
  const { files, missing } = wxssClosure(root, file)
  const ownStyle = existsSync(join(root, file.replace(/\.wxss$/, '.json'))) ? 1 : 0
  const run = spawnSync(compilers.wcsc, ['-db', '-pc', String(ownStyle), ...files], { cwd: root, maxBuffer: 64 * 1024 * 1024 })
  const errors = [run.error?.message ?? '', run.status === 0 ? '' : (run.stderr?.toString().trim() ?? ''), ...missing].filter(Boolean).join('\n')
  return { entry: file, files, ok: run.status === 0 && !errors, errors, output: run.stdout?.toString() ?? '' }
}
