import { describe, expect, it } from 'vitest'
import type { Agency } from '../../../server/modules/agencies/repository'
import type { ServiceManifest } from '../../../server/modules/onboarding/manifest-schema'
import { listingScopeProblems } from '../../../server/modules/onboarding/listing-scope'
import { validManifest } from '../../fixtures/manifests'

const agency = (region: string, domains: Agency['domains'] = ['traffic']): Agency => ({ id: 'a', name: 'A', region, domains })
const manifest = (coverage: ServiceManifest['coverage'], domain = 'traffic') =>
  ({ ...validManifest('traffic@1'), coverage, domain }) as ServiceManifest

describe('listingScopeProblems', () => {
  it.each([
    ['a city agency for its own city', '510600', { level: 'city', code: '510600' }],
    ['a province agency for one of its cities', '51', { level: 'city', code: '510600' }],
    ['a province agency for its province', '51', { level: 'province', code: '51' }],
    ['a national agency anywhere', 'national', { level: 'national' }],
    ['a national agency for one city', 'national', { level: 'city', code: '440300' }],
  ] as const)('allows %s', (_name, region, coverage) => {
    expect(listingScopeProblems(agency(region), manifest(coverage))).toEqual([])
  })

  it.each([
    ['a city agency for another city', '510600', { level: 'city', code: '440300' }, 'coverage.code'],
    ['a city agency for its whole province', '510600', { level: 'province', code: '51' }, 'coverage.code'],
    ['a city agency nationwide', '510600', { level: 'national' }, 'coverage.level'],
    ['a province agency for another province', '51', { level: 'province', code: '44' }, 'coverage.code'],
    ['a province agency for a city elsewhere', '51', { level: 'city', code: '440300' }, 'coverage.code'],
    ['a province agency nationwide', '51', { level: 'national' }, 'coverage.level'],
  ] as const)('refuses %s', (_name, region, coverage, path) => {
    expect(listingScopeProblems(agency(region), manifest(coverage)).map((p) => p.path)).toEqual([path])
  })

  it('refuses a domain the agency may not list in, and names both problems at once', () => {
    const problems = listingScopeProblems(agency('510600', ['medical']), manifest({ level: 'city', code: '440300' }))
    expect(problems.map((p) => p.path)).toEqual(['domain', 'coverage.code'])
  })
})
