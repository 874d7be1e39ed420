import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import type { CatalogService, GroupedCatalog } from '../../../src/domain/catalog'
import { pickRecentServices, pushRecent, RECENT_LIMIT } from '../../../src/domain/recent-services'

function service(id: string, domain: CatalogService['domain'] = 'traffic', national = false): CatalogService {
  return {
    id,
    name: id,
    summary: `${id} summary`,
    icon: domain,
    domain,
    type: 'government',
    coverage: national ? { level: 'national' } : { level: 'city', code: '440300' },
    items: [],
    contract: 'webview',
    stars: 4,
  }
}

const TRAFFIC = service('traffic')
const HOSPITAL = service('hospital', 'medical')
const FUND = service('fund', 'housing-fund')
const WEATHER = service('weather', 'weather', true)
const TAX = service('tax', 'tax', true)
const CATALOG: GroupedCatalog = {
  local: [
    { domain: 'traffic', label: '交管', services: [TRAFFIC] },
    { domain: 'medical', label: '医疗', services: [HOSPITAL] },
    { domain: 'housing-fund', label: '公积金', services: [FUND] },
  ],
  national: [
    { domain: 'weather', label: '气象', services: [WEATHER] },
    { domain: 'tax', label: '税务', services: [TAX] },
  ],
}

describe('pushRecent', () => {
  it('puts the used service first', () => {
    expect(pushRecent([], 'a')).toEqual(['a'])
    expect(pushRecent(['a', 'b'], 'c')).toEqual(['c', 'a', 'b'])
  })

  it('moves a service used again to the front instead of repeating it', () => {
    expect(pushRecent(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c'])
    expect(pushRecent(['a'], 'a')).toEqual(['a'])
  })

  it('keeps at most RECENT_LIMIT (4), dropping the oldest', () => {
    expect(RECENT_LIMIT).toBe(4)
    expect(pushRecent(['d', 'c', 'b', 'a'], 'e')).toEqual(['e', 'd', 'c', 'b'])
  })

  it('honours another limit, and never a negative one', () => {
    expect(pushRecent(['a', 'b'], 'c', 2)).toEqual(['c', 'a'])
    expect(pushRecent(['a'], 'b', -1)).toEqual([])
  })

  it('does not change the list it was given', () => {
    const ids = ['a', 'b']
    pushRecent(ids, 'c')
    expect(ids).toEqual(['a', 'b'])
  })

  it('always starts with the used id, has no duplicates and stays within the limit', () => {
    const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')
    fc.assert(
      fc.property(fc.array(id), (uses) => {
        let ids: string[] = []
        for (const used of uses) {
          ids = pushRecent(ids, used)
          expect(ids[0]).toBe(used)
          expect(new Set(ids).size).toBe(ids.length)
          expect(ids.length).toBeLessThanOrEqual(RECENT_LIMIT)
        }
      }),
    )
  })
})

describe('pickRecentServices', () => {
  it('returns the services in recently used order, local and national alike', () => {
    expect(pickRecentServices(['weather', 'fund', 'traffic'], CATALOG)).toEqual([WEATHER, FUND, TRAFFIC])
  })

  it('skips services the catalog no longer lists', () => {
    expect(pickRecentServices(['gone', 'hospital', 'other-city-traffic'], CATALOG)).toEqual([HOSPITAL])
  })

  it('is empty without history or without a catalog', () => {
    expect(pickRecentServices([], CATALOG)).toEqual([])
    expect(pickRecentServices(['traffic'], { local: [], national: [] })).toEqual([])
  })

  it('shows each service once and at most the limit', () => {
    expect(pickRecentServices(['tax', 'tax', 'traffic'], CATALOG)).toEqual([TAX, TRAFFIC])
    expect(pickRecentServices(['tax', 'weather', 'fund', 'hospital', 'traffic'], CATALOG)).toEqual([TAX, WEATHER, FUND, HOSPITAL])
    expect(pickRecentServices(['tax', 'weather', 'fund'], CATALOG, 2)).toEqual([TAX, WEATHER])
  })
})
