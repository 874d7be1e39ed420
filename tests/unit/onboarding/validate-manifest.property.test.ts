import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateManifest } from '../../../server/modules/onboarding/validate-manifest'
import { CORRUPTIONS, corruptedManifestArb, isAtOrUnder, validManifestArb } from './manifest-arbitraries'

describe('validateManifest properties', () => {
  it('accepts valid manifests, which round-trip through JSON unchanged', () => {
    fc.assert(
      fc.property(validManifestArb, (manifest) => {
        const sent = JSON.parse(JSON.stringify(manifest))
        const result = validateManifest(sent)
        expect(result.ok ? [] : result.problems).toEqual([])
        expect(result).toStrictEqual({ ok: true, manifest: JSON.parse(JSON.stringify(manifest)) })
        expect(result.ok && result.manifest).toEqual(manifest)
        expect(validateManifest(manifest).ok).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('rejects a valid manifest with one corruption, with a problem at (or under) the corrupted place', () => {
    fc.assert(
      fc.property(corruptedManifestArb, ({ corruption, value, at }) => {
        const result = validateManifest(JSON.parse(JSON.stringify(value ?? null)))
        expect(result.ok, corruption).toBe(false)
        if (result.ok) return
        const paths = result.problems.map((p) => p.path)
        expect(
          paths.some((path) => at.some((place) => isAtOrUnder(path, place))),
          `${corruption}: expected a problem at ${at.join(' | ')}, got ${paths.join(', ')}`,
        ).toBe(true)
        // Every problem once, every message bilingual.
        expect(new Set(result.problems.map((p) => `${p.path} ${p.message}`)).size).toBe(result.problems.length)
        for (const p of result.problems) expect(p.message).toMatch(/ \/ .*[\u4e00-\u9fff]/u)
      }),
      { numRuns: 200 },
    )
  })

  it('never throws on arbitrary JSON, and rejects it', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validateManifest(value)
        expect(result.ok).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})

describe('corruptions', () => {
  it('has one name per corruption', () => {
    const names = CORRUPTIONS.map((c) => c.name)
    expect(new Set(names).size).toBe(names.length)
  })
})
