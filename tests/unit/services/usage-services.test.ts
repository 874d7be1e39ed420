import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { CatalogService } from '../../../src/domain/catalog'
import type { CatalogResponse } from '../../../src/services/api'
import { resetFakeTaro } from '../helpers/fake-taro'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

function service(id: string, coverage: CatalogService['coverage']): CatalogService {
  return { id, name: id, summary: '', icon: 'x', domain: 'medical', type: 'life', coverage, items: [], contract: 'hospital@1', stars: null }
}

function catalog(...services: CatalogService[]): CatalogResponse {
  return { city: { code: '510600', name: '德阳' } as CatalogResponse['city'], local: [{ domain: 'medical', label: '医疗', services }], national: [], total: services.length }
}

async function load() {
  vi.resetModules()
  return import('../../../src/services/usage-services')
}

describe('finding the catalog facts of a service page', () => {
  beforeEach(() => resetFakeTaro())

  it('uses what the phone remembers from the home page, without a request', async () => {
    const m = await load()
    m.rememberServices([service('dy-hospital', { level: 'city', code: '510600' })])
    const loadCatalog = vi.fn()
    expect(await m.findUsageService('dy-hospital', '510600', loadCatalog)).toMatchObject({ id: 'dy-hospital', domain: 'medical', type: 'life' })
    expect(loadCatalog).not.toHaveBeenCalled()
  })

  it("asks the city's catalog once when the page was opened from a link", async () => {
    const m = await load()
    const loadCatalog = vi.fn(async () => catalog(service('dy-hospital', { level: 'city', code: '510600' })))
    expect(await m.findUsageService('dy-hospital', '510600', loadCatalog)).toMatchObject({ id: 'dy-hospital' })
    expect(await m.findUsageService('other', '510600', loadCatalog)).toBeUndefined()
    expect(loadCatalog).toHaveBeenCalledTimes(1)
    expect(m.knownService('dy-hospital')).toBeDefined()
  })

  it('finds nothing rather than guessing: an unknown service, or one that does not cover the current city', async () => {
    const m = await load()
    m.rememberServices([service('sz-hospital', { level: 'city', code: '440300' })])
    const loadCatalog = vi.fn(async () => catalog())
    expect(await m.findUsageService('sz-hospital', '510600', loadCatalog)).toBeUndefined()
    expect(await m.findUsageService('nowhere', '510600', loadCatalog)).toBeUndefined()
  })

  it('finds nothing when the catalog cannot be read, and asks again next time', async () => {
    const m = await load()
    const loadCatalog = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(catalog(service('dy-hospital', { level: 'province', code: '51' })))
    expect(await m.findUsageService('dy-hospital', '510600', loadCatalog)).toBeUndefined()
    expect(await m.findUsageService('dy-hospital', '510600', loadCatalog)).toMatchObject({ id: 'dy-hospital' })
  })

  it('remembers at most USAGE_SERVICES_LIMIT services, dropping the least recently seen', async () => {
    const m = await load()
    m.rememberServices(Array.from({ length: m.USAGE_SERVICES_LIMIT + 5 }, (_, i) => service(`s-${i}`, { level: 'national' })))
    expect(m.knownService('s-0')).toBeUndefined()
    expect(m.knownService(`s-${m.USAGE_SERVICES_LIMIT + 4}`)).toBeDefined()
  })
})
