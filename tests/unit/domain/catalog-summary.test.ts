import { describe, expect, it } from 'vitest'
import type { CatalogService, DomainGroup } from '../../../src/domain/catalog'
import { countServices, summarizeCatalog } from '../../../src/domain/catalog-summary'

function group(domain: CatalogService['domain'], count: number, national = false): DomainGroup {
  const services = Array.from({ length: count }, (_, i): CatalogService => ({
    id: `${domain}-${i}`,
    name: `${domain} ${i}`,
    summary: '',
    icon: domain,
    domain,
    type: 'government',
    coverage: national ? { level: 'national' } : { level: 'city', code: '440300' },
    items: [],
    contract: 'webview', stars: null,
  }))
  return { domain, label: domain, services }
}

describe('summarizeCatalog', () => {
  it('says the total from the answer and how many of them are local', () => {
    const local = [group('traffic', 2), group('medical', 1), group('social-security', 11)]
    const national = [group('weather', 1, true), group('tax', 4, true)]
    expect(summarizeCatalog({ local, national, total: 19 })).toBe('共 19 项服务 · 本地 14 项')
  })

  it('says all are national when the city has no local services', () => {
    expect(summarizeCatalog({ local: [], national: [group('weather', 5, true)], total: 5 })).toBe('共 5 项服务 · 均为全国服务')
  })

  it('says when there is nothing at all', () => {
    expect(summarizeCatalog({ local: [], national: [], total: 0 })).toBe('暂无可用服务')
  })
})

describe('countServices', () => {
  it('counts the services of every group', () => {
    expect(countServices([group('traffic', 2), group('medical', 3)])).toBe(5)
    expect(countServices([])).toBe(0)
  })
})
