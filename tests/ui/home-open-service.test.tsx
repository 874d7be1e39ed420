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

  it('opens every tile: a typed service in its subpackage, a web-view in the web-view page, a mini-program in a sheet (H5); unavailable ones explain', async () => {
    deviceStorage.set('onecity:consent', JSON.stringify({ state: { decision: 'refused', version: 1, decidedAt: null }, version: 1 }))
    deviceStorage.set('onecity:city', JSON.stringify({ state: { current: DEYANG, source: 'picker' }, version: 1 }))
    vi.resetModules()
    const api = vi.mocked(await import('../../src/services/api'))
    const { default: HomePage } = await import('../../src/pages/home/index')
    const until = new Date(Date.now() + 3600_000).toISOString()
    api.getCatalog.mockResolvedValue({
      city: DEYANG,
      local: [
        {
          domain: 'traffic',
          label: '交管',
          services: [
            service('deyang-traffic', '交通违法', 'traffic@1'),
            { ...service('deyang-parking', '停车缴费', 'webview'), webview: { url: 'https://parking.example.cn/h5/' } },
            { ...service('deyang-metro', '地铁乘车码', 'miniprogram'), miniprogram: { appId: 'wx0123456789abcdef', path: 'pages/index/index?from=onecity' } },
            { ...service('deyang-accident', '事故快处', 'webview'), webview: { url: 'https://a.example.cn/' }, availability: { state: 'maintenance', from: new Date().toISOString(), until } },
            { ...service('deyang-school', '入学报名', 'webview'), webview: { url: 'https://s.example.cn/' }, availability: { state: 'suspended' } },
          ],
        },
      ],
      national: [],
      total: 5,
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
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({
      url: `/packages/webview/pages/index/index?service=deyang-parking&city=510600&name=${encodeURIComponent('停车缴费')}`,
    })

    // The sheet is loaded on first use; loaded here first, so it arrives within the tap's act().
    await import('../../src/components/mini-program-sheet')
    await view.click(tile('地铁乘车码'))
    await flush()
    const sheet = view.container.querySelector('.mini-program-sheet [role="dialog"]')!
    expect(sheet.textContent).toContain('地铁乘车码')
    expect(sheet.textContent).toContain('请在微信中打开')
    expect(sheet.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('「地铁乘车码」小程序二维码')
    expect(sheet.querySelector('a')?.getAttribute('href')).toBe('weixin://dl/business/?appid=wx0123456789abcdef&path=pages%2Findex%2Findex&query=from%3Donecity%26city%3D510600')
    await view.click(view.container.querySelector('.mini-program-sheet__close')!)
    expect(view.container.querySelector('.mini-program-sheet')).toBeNull()

    // 维护中 and 暂停服务 say so on the tile, explain on tap, and open nothing.
    expect(tile('事故快处').querySelector('.service-tile__badge')?.textContent).toContain('维护中')
    expect(tile('入学报名').querySelector('.service-tile__badge')?.textContent).toBe('暂停服务')
    const opened = fakeTaro.navigateTo.mock.calls.length
    await view.click(tile('事故快处'))
    expect(fakeTaro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '维护中', content: expect.stringContaining('「事故快处」正在维护') }))
    await view.click(tile('入学报名'))
    expect(fakeTaro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '暂停服务' }))
    expect(fakeTaro.navigateTo.mock.calls.length).toBe(opened)
    expect(JSON.parse(deviceStorage.get('onecity:recent-services') as string).state.byCity['510600']).not.toContain('deyang-school')
    expect(view.container.textContent).not.toContain('即将上线')
  })
})
