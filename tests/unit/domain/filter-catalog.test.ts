import { describe, expect, it } from 'vitest'
import type { CatalogService, DomainGroup } from '../../../src/domain/catalog'
import { countServices, filterCatalog, serviceMatches } from '../../../src/domain/filter-catalog'

function service(id: string, name: string, summary: string, domain: CatalogService['domain'], items: string[] = []): CatalogService {
  return {
    id,
    name,
    summary,
    icon: domain,
    domain,
    type: 'government',
    coverage: { level: 'city', code: '510600' },
    items: items.map((n, i) => ({ id: `${id}-${i}`, name: n, kind: 'query' as const })),
    contract: 'webview',
    stars: 4,
  }
}

const TRAFFIC = service('traffic', '交通违法', '违法查询、罚款缴纳', 'traffic', ['驾驶人记分查询'])
const HOSPITAL = service('hospital', '预约挂号', '市属医院预约挂号', 'medical', ['门诊缴费'])
const FUND = service('fund', '公积金', '账户余额、提取与贷款', 'housing-fund', ['Loan calculator'])
const GROUPS: DomainGroup[] = [
  { domain: 'traffic', label: '交管', services: [TRAFFIC] },
  { domain: 'medical', label: '医疗', services: [HOSPITAL] },
  { domain: 'housing-fund', label: '公积金', services: [FUND] },
]

describe('serviceMatches', () => {
  it('matches the name, summary, an item name or the domain label', () => {
    expect(serviceMatches(TRAFFIC, '交管', '违法')).toBe(true)
    expect(serviceMatches(TRAFFIC, '交管', '罚款')).toBe(true)
    expect(serviceMatches(TRAFFIC, '交管', '记分')).toBe(true)
    expect(serviceMatches(TRAFFIC, '交管', '交管')).toBe(true)
    expect(serviceMatches(TRAFFIC, '交管', '挂号')).toBe(false)
  })

  it('ignores case and spaces', () => {
    expect(serviceMatches(FUND, '公积金', ' loan CALC ')).toBe(true)
  })
})

describe('filterCatalog', () => {
  it('keeps only matching services and drops empty groups, in order', () => {
    const result = filterCatalog(GROUPS, '缴')
    expect(result.map((g) => g.domain)).toEqual(['traffic', 'medical'])
    expect(countServices(result)).toBe(2)
  })

  it('returns every group for an empty query', () => {
    expect(filterCatalog(GROUPS, '  ')).toEqual(GROUPS)
  })

  it('returns nothing when nothing matches', () => {
    expect(filterCatalog(GROUPS, '出入境')).toEqual([])
  })

  it('does not change the groups it was given', () => {
    filterCatalog(GROUPS, '挂号')
    expect(GROUPS[0]?.services).toEqual([TRAFFIC])
  })
})
