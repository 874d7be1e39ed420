import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SUBPACKAGES } from '../../../src/packages/subpackages'

/** Every page of the app, main package (app.config.ts) and subpackages, as paths under src/. */
function allPages(): string[] {
  const config = readFileSync('src/app.config.ts', 'utf8')
  const main = JSON.parse(config.match(/\bpages: (\[[^\]]*\])/)![1]!.replace(/'/g, '"')) as string[]
  return [...main, ...SUBPACKAGES.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

describe('关怀模式 reaches every page in WeChat too', () => {
  it('every page takes its root class from usePageClass, which adds the care class while 关怀模式 applies', () => {
    const pages = allPages()
    expect(pages.length).toBeGreaterThan(30)
    for (const page of pages) {
      const source = readFileSync(`src/${page}.tsx`, 'utf8')
      expect(source, page).toMatch(/const pageClass = usePageClass\('page [a-z-]+'\)/)
      expect(source, page).toContain('className={pageClass}')
      // A root view with a fixed class would stay in the normal sizes in WeChat.
      expect(source, page).not.toMatch(/className="page /)
    }
  })

  it('the care class sets the care tokens in both builds, not only under H5\'s :root', () => {
    const scss = readFileSync('src/app.scss', 'utf8')
    const h5Only = [...scss.matchAll(/\/\* #ifdef h5 \*\/[\s\S]*?\/\* #endif \*\//g)].map((m) => m[0]).join('\n')
    const rule = scss.match(/\n\.page--care \{\s*@include care-tokens;\s*\}/)
    expect(rule).not.toBeNull()
    expect(h5Only).not.toContain('.page--care')
  })
})
