import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// 01-product.md: "No page anywhere says 即将上线: what the product lists, works." Both builds come from src/.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return sources(path)
    return /\.(tsx?|scss|json)$/.test(e.name) ? [path] : []
  })
}

describe('no page says 即将上线', () => {
  it('no source of the app (src/**) contains 即将上线', () => {
    const found = sources('src').filter((f) => readFileSync(f, 'utf8').includes('即将上线'))
    expect(found).toEqual([])
  })
})
