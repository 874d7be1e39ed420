import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { miniprogramCiCheck } from './miniprogram-ci'
import { allPages, copyWeappBuild, readAppJson } from './weapp-build'

/** A mini-program with one page whose JSON WeChat refuses (a title that is not a string). */
function projectWithBadPageJson(): string {
  const dir = mkdtempSync(join(tmpdir(), 'onecity-ci-fixture-'))
  const files: Record<string, string> = {
    'project.config.json': JSON.stringify({ miniprogramRoot: './', appid: 'touristappid', compileType: 'miniprogram', setting: { es6: false } }),
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': 'App({})',
    'pages/index/index.json': JSON.stringify({ navigationBarTitleText: 5 }),
    'pages/index/index.js': 'Page({})',
    'pages/index/index.wxml': '<view>ok</view>',
  }
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

describe("miniprogram-ci (WeChat's upload compiler) validates the weapp build", () => {
  it('accepts app.json and every page JSON, and packs every page; refuses a page JSON WeChat would refuse', async () => {
    // Both checks at once: each is a child process that spends most of its time loading miniprogram-ci.
    const root = copyWeappBuild()
    const [build, broken] = await Promise.all([miniprogramCiCheck(root), miniprogramCiCheck(projectWithBadPageJson())])

    expect(build.ok ? 'accepted' : build.message).toBe('accepted')
    const packed = build.ok ? build.files : []
    expect(packed).toContain('app.json')
    expect(allPages(readAppJson(root)).filter((page) => !packed.includes(`${page}.json`) || !packed.includes(`${page}.wxml`))).toEqual([])

    expect(broken).toMatchObject({ ok: false, message: expect.stringContaining('pages/index/index.json: navigationBarTitleText') })
  })
})
