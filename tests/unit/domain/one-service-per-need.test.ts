import { describe, expect, it } from 'vitest'
import type { CatalogService } from '../../../src/domain/catalog'
import { oneServicePerNeed } from '../../../src/domain/one-service-per-need'

function service(id: string, over: Partial<CatalogService> = {}): CatalogService {
  return {
    id, name: id, summary: `${id} 说明`, icon: 'x', domain: 'social-security', type: 'government',
    coverage: { level: 'city', code: '510600' }, items: [], contract: 'webview', stars: null, ...over,
  }
}

describe('oneServicePerNeed', () => {
  it("keeps the city's own service over the province's with the same domain and summary, in the original order", () => {
    const province = service('p51-social-security', { name: '四川社保服务', summary: '参保、缴费', coverage: { level: 'province', code: '51' } })
    const city = service('deyang-social-security', { name: '社保服务', summary: '参保、缴费', contract: 'social-security@1' })
    const other = service('cn-weather', { domain: 'weather', coverage: { level: 'national' } })
    expect(oneServicePerNeed([province, other, city]).map((s) => s.id)).toEqual(['cn-weather', 'deyang-social-security'])
  })

  it('a second listing with the same name gives one tile: the typed one, then the better rated, then the smaller id', () => {
    const web = service('b-traffic', { name: '交通违法', domain: 'traffic', summary: 'a' })
    const typed = service('c-traffic', { name: '交通违法', domain: 'traffic', summary: 'b', contract: 'traffic@1' })
    expect(oneServicePerNeed([web, typed]).map((s) => s.id)).toEqual(['c-traffic'])
    const rated = service('d-traffic', { name: '交通违法', domain: 'traffic', summary: 'c', contract: 'traffic@1', stars: 5 })
    expect(oneServicePerNeed([typed, rated]).map((s) => s.id)).toEqual(['d-traffic'])
    expect(oneServicePerNeed([typed, { ...typed, id: 'a-traffic' }]).map((s) => s.id)).toEqual(['a-traffic'])
  })

  it('keeps services of one domain that meet other needs (交通违法 and 事故快处)', () => {
    const fines = service('fines', { name: '交通违法', domain: 'traffic', summary: '违法查询' })
    const accident = service('accident', { name: '事故快处', domain: 'traffic', summary: '快撤快赔' })
    expect(oneServicePerNeed([fines, accident])).toHaveLength(2)
  })
})
