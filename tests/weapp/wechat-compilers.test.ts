import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { allPages, copyWeappBuild, filesWithExtension, readAppJson } from './weapp-build'
import { compileWxml, compileWxss, wechatCompilers, type CompileResult, type WechatCompilers } from './wechat-compilers'

let compilers: WechatCompilers
let root: string

beforeAll(() => {
  compilers = wechatCompilers()
  root = copyWeappBuild()
})

function failures(results: CompileResult[]): string[] {
  return results.filter((r) => !r.ok).map((r) => `${r.entry}: ${r.errors}`)
}

/** A throwaway mini-program folder with the given files. */
function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'onecity-wxml-fixture-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

describe("the weapp build compiles with WeChat's own wcc and wcsc", () => {
  it('every page and custom component compiles its WXML with 0 errors, and every WXML and WXS file is part of one', () => {
    const results = allPages(readAppJson(root)).map((page) => compileWxml(compilers, root, page))
    expect(failures(results)).toEqual([])
    expect(results.every((r) => r.output.includes('$gwx'))).toBe(true)
    const compiled = new Set(results.flatMap((r) => r.files))
    expect([...filesWithExtension(root, '.wxml'), ...filesWithExtension(root, '.wxs')].filter((f) => !compiled.has(f))).toEqual([])
  })

  it('every WXSS file compiles with its imports with 0 errors', () => {
    const results = filesWithExtension(root, '.wxss').map((file) => compileWxss(compilers, root, file))
    expect(results.length).toBeGreaterThan(10)
    expect(failures(results)).toEqual([])
  })

  it('reports a WXML WeChat cannot compile, an import of a missing file and a broken WXSS (the check is real)', () => {
    const dir = fixture({
      'pages/ok/index.wxml': '<view class="a"><text>{{name}}</text></view>',
      'pages/ok/index.wxss': '.a { color: #333; }',
      'pages/broken/index.wxml': '<view class="a">\n  <text>{{name}}</view>',
      'pages/missing/index.wxml': '<import src="../../base.wxml"/><template is="x"/>',
      'pages/broken/index.wxss': '.a { color: red;\n .b {',
    })
    expect(compileWxml(compilers, dir, 'pages/ok/index').ok).toBe(true)
    expect(compileWxss(compilers, dir, 'pages/ok/index.wxss').ok).toBe(true)
    const broken = compileWxml(compilers, dir, 'pages/broken/index')
    expect(broken.ok).toBe(false)
    expect(broken.errors).toMatch(/pages\/broken\/index\.wxml:2:\d+: expect end-tag `text`/)
    expect(compileWxml(compilers, dir, 'pages/missing/index').errors).toContain('needs base.wxml, which the build does not have')
    const brokenStyle = compileWxss(compilers, dir, 'pages/broken/index.wxss')
    expect(brokenStyle.ok).toBe(false)
    expect(brokenStyle.errors).toMatch(/pages\/broken\/index\.wxss\(2:\d+\)/)
  })
})
