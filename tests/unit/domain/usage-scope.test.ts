import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DOMAIN_IDS, SERVICE_TYPE_IDS } from '../../../src/domain/catalog'
import { parseScope, scopeText, scopesOfUse } from '../../../src/domain/usage-scope'

describe('usage scopes', () => {
  it('parses every form of 03-index.md and writes it back the same', () => {
    for (const text of ['all', 'prov:51', 'city:510600', 'type:life@510600', 'domain:housing-fund@510600', 'svc:deyang-traffic@510600', 'svc:cn-weather']) {
      const scope = parseScope(text)
      expect(scope, text).toBeDefined()
      expect(scopeText(scope!)).toBe(text)
    }
  })

  it('refuses anything else: other kinds, unknown types or domains, malformed codes, anything naming a person', () => {
    for (const text of ['', 'ALL', 'prov:5', 'city:51060', 'city:5106000', 'type:fun@510600', 'domain:astrology@510600', 'svc:Deyang@510600', 'user:42', 'openid:o6_bmjrPTlm6_2sgVt7hMZOPfL2M', 'city:510600 ', 'svc:a@510600@510600']) {
      expect(parseScope(text), text).toBeUndefined()
    }
  })

  it('round-trips every well-formed scope', () => {
    const code = fc.stringMatching(/^[0-9]{6}$/)
    const scope = fc.oneof(
      fc.constant('all'),
      fc.stringMatching(/^[0-9]{2}$/).map((p) => `prov:${p}`),
      code.map((c) => `city:${c}`),
      fc.tuple(fc.constantFrom(...SERVICE_TYPE_IDS), code).map(([t, c]) => `type:${t}@${c}`),
      fc.tuple(fc.constantFrom(...DOMAIN_IDS), code).map(([d, c]) => `domain:${d}@${c}`),
      fc.tuple(fc.stringMatching(/^[a-z0-9-]{1,64}$/), fc.option(code, { nil: undefined })).map(([s, c]) => (c ? `svc:${s}@${c}` : `svc:${s}`)),
    )
    fc.assert(
      fc.property(scope, (text) => {
        expect(scopeText(parseScope(text)!)).toBe(text)
      }),
    )
  })

  it('one use of a service makes every level active, down to the service; a national one also nationally', () => {
    expect(scopesOfUse({ city: '510600', type: 'government', domain: 'housing-fund', service: 'deyang-housing-fund', national: false })).toEqual([
      'all', 'prov:51', 'city:510600', 'type:government@510600', 'domain:housing-fund@510600', 'svc:deyang-housing-fund@510600',
    ])
    expect(scopesOfUse({ city: '440300', type: 'life', domain: 'weather', service: 'cn-weather', national: true }).slice(-2)).toEqual(['svc:cn-weather@440300', 'svc:cn-weather'])
  })
})
