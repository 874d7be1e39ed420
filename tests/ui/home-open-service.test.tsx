import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CatalogService } from '../../src/domain/catalog'
import { deviceStorage, fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { DEYANG } from '../unit/helpers/cities'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/api', () => ({ getCatalog: vi.fn(), getNearestCity: vi.fn(), getCities: vi.fn() }))

function service(id: string, name: string, contract: string): CatalogService {
  return {
    id,
    name,
    summary: `${name}的说明`,
    icon: 'traffic',
    domain: 'traffic',
    type: 'government',
    coverage: { level: 'city', code: '510600' },
    items: [{ id: `${id}-1`, name, kind: 'query' }],
    contract,
    stars: 4,
  }
}

let view: Rendered | undefined

describe('home: opening a service', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('opens a traffic@1 service in the traffic subpackage and remembers it; others are still coming', async () => {
    deviceStorage.set('onecity:consent', JSON.stringify({ state: { decision: 'refused', version: 1, decidedAt: null }, version: 1 }))
    deviceStorage.set('onecity:city', JSON.stringify({ state: { current: DEYANG, source: 'picker' }, version: 1 }))
    vi.resetModules()
    const api = vi.mocked(await import('../../src/services/api'))
    const { default: HomePage } = await import('../../src/pages/home/index')
    api.getCatalog.mockResolvedValue({
      city: DEYANG,
      local: [{ domain: 'traffic', label: '交管', services: [service('deyang-traffic', '交通违法', 'traffic@1'), service('deyang-parking', '停车缴费', 'webview')] }],
      national: [],
      total: 2,
    })
    view = await render(<HomePage />)
    await flush()
    const tile = (name: string) => [...view!.container.querySelectorAll('.service-tile')].find((t) => t.textContent?.includes(name))!
    await view.click(tile('交通违法'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/traffic/pages/index/index?service=deyang-traffic&name=${encodeURIComponent('交通违法')}`,
    })
    expect(JSON.parse(deviceStorage.get('onecity:recent-services') as string).state.byCity['510600']).toEqual(['deyang-traffic'])
    await view.click(tile('停车缴费'))
    expect(fakeTaro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '「停车缴费」即将上线' }))
  })
})
