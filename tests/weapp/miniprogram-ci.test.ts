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

/** Bytes per package: the main package, then each subpackage by its root. */
function packageSizes(files: Record<string, number>, roots: string[]): Record<string, number> {
  const sizes: Record<string, number> = Object.fromEntries([['main', 0], ...roots.map((root) => [root, 0])])
  for (const [path, bytes] of Object.entries(files)) sizes[roots.find((root) => path.startsWith(`${root}/`)) ?? 'main']! += bytes
  return sizes
}

describe("miniprogram-ci (WeChat's upload compiler) validates the weapp build", () => {
  it('accepts app.json and every page JSON, and packs every page; refuses a page JSON WeChat would refuse', async () => {
    // Both checks at once: each is a child process that spends most of its time loading miniprogram-ci.
    const root = copyWeappBuild()
    const [build, broken] = await Promise.all([miniprogramCiCheck(root), miniprogramCiCheck(projectWithBadPageJson())])

    expect(build.ok ? 'accepted' : build.message).toBe('accepted')
    const packed = build.ok ? build.files : {}
    const app = readAppJson(root)
    expect(packed['app.json']).toBeGreaterThan(0)
    expect(allPages(app).filter((page) => !packed[`${page}.json`] || !packed[`${page}.wxml`])).toEqual([])

    // The package sizes WeChat counts (what it would upload), within its limits: 2 MB a package, 20 MB in all.
    const sizes = packageSizes(packed, (app.subPackages ?? []).map((p) => p.root))
    console.log(Object.entries(sizes).map(([name, bytes]) => `${name}: ${(bytes / 1024).toFixed(1)} KB`).join('\n'))
    for (const bytes of Object.values(sizes)) expect(bytes).toBeLessThanOrEqual(2 * 1024 * 1024)
    expect(Object.values(sizes).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20 * 1024 * 1024)

    expect(broken).toMatchObject({ ok: false, message: expect.stringContaining('pages/index/index.json: navigationBarTitleText') })
    // About 15 s on an idle machine (loading miniprogram-ci is most of it); room for a busy CI machine.
  }, 120_000)
})
