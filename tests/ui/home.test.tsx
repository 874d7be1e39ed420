import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CatalogService, DomainGroup } from '../../src/domain/catalog'
import type { CatalogResponse } from '../../src/services/api'
import { deviceStorage, fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { DEYANG, SHENZHEN } from '../unit/helpers/cities'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/api', () => ({
  getCatalog: vi.fn(),
  getNearestCity: vi.fn(),
  getCities: vi.fn(),
}))

function service(id: string, name: string, domain: CatalogService['domain'], level: 'city' | 'national', stars: number | null): CatalogService {
  return {
    id,
    name,
    summary: `${name}的说明`,
    icon: domain,
    domain,
    type: 'government',
    coverage: level === 'city' ? { level: 'city', code: '510600' } : { level: 'national' },
    items: [{ id: `${id}-1`, name: `${name}查询`, kind: 'query' }],
    contract: 'webview',
    stars,
    webview: { url: `https://${id}.example.cn/h5/` },
  }
}
const LOCAL: DomainGroup[] = [
  { domain: 'traffic', label: '交管', services: [service('traffic', '交通违法', 'traffic', 'city', 4)] },
  { domain: 'medical', label: '医疗', services: [service('hospital', '预约挂号', 'medical', 'city', null)] },
]
const NATIONAL: DomainGroup[] = [{ domain: 'exit-entry', label: '出入境', services: [service('exit', '出入境办证', 'exit-entry', 'national', 5)] }]

function catalog(city = DEYANG, local = LOCAL): CatalogResponse {
  const total = [...local, ...NATIONAL].reduce((n, g) => n + g.services.length, 0)
  return { city, local, national: NATIONAL, total }
}

function remember(key: string, state: unknown): void {
  deviceStorage.set(`onecity:${key}`, JSON.stringify({ state, version: 1 }))
}

async function loadHome() {
  vi.resetModules()
  const api = await import('../../src/services/api')
  const { default: HomePage } = await import('../../src/pages/home/index')
  const { useCityStore } = await import('../../src/stores/city-store')
  return { HomePage, api: vi.mocked(api), useCityStore }
}

let view: Rendered | undefined

/** The first tile under `scope` whose name is `name`. */
/** The home page in 德阳 (statistics refused, city already picked) with the default catalog, rendered and settled. */
async function renderHomeInDeyang() {
  remember('consent', { decision: 'refused', version: 1, decidedAt: null })
  remember('city', { current: DEYANG, source: 'picker' })
  const { HomePage, api } = await loadHome()
  api.getCatalog.mockResolvedValue(catalog())
  const rendered = await render(<HomePage />)
  view = rendered // for the cleanup after each test
  await flush()
  return rendered
}

function tile(name: string, scope = '.home-main'): HTMLElement {
  const found = [...view!.container.querySelectorAll<HTMLElement>(`${scope} .service-tile`)].find(
    (t) => t.querySelector('.service-tile__name')?.textContent === name,
  )
  if (!found) throw new Error(`no tile named ${name}`)
  return found
}

describe('home page', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('shows the privacy notice before asking for the location', async () => {
    const { HomePage } = await loadHome()
    view = await render(<HomePage />)
    const dialog = view.container.querySelector('[role="dialog"]')
    expect(dialog).not.toBeNull()
    expect(dialog?.getAttribute('aria-modal')).toBe('true')
    expect(view.container.querySelector('#privacy-notice-title')?.textContent).toBe('个人信息保护提示')
    expect(fakeTaro.getLocation).not.toHaveBeenCalled()
  })

  it('after 同意 locates the citizen and shows the nearest city and its services', async () => {
    const { HomePage, api, useCityStore } = await loadHome()
    fakeTaro.getLocation.mockResolvedValue({ latitude: 22.54, longitude: 114.06 })
    api.getNearestCity.mockResolvedValue({ city: SHENZHEN, distanceKm: 0.3 })
    api.getCatalog.mockResolvedValue(catalog(SHENZHEN))
    view = await render(<HomePage />)
    await view.click(view.getByText('同意', '[role="button"]'))
    await flush()
    await flush()
    expect(fakeTaro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' })
    expect(view.container.querySelector('[role="dialog"]')).toBeNull()
    expect(view.container.querySelector('.home-city-name')?.textContent).toBe('深圳')
    expect(useCityStore.getState()).toMatchObject({ current: { code: '440300' }, source: 'location' })
    expect(api.getCatalog).toHaveBeenCalledWith('440300')
    expect(view.container.querySelectorAll('.service-tile')).toHaveLength(3)
    expect(JSON.parse(deviceStorage.get('onecity:consent') as string).state.decision).toBe('agreed')
  })

  it('opens the city picker when location is refused', async () => {
    const { HomePage, api } = await loadHome()
    fakeTaro.getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' })
    view = await render(<HomePage />)
    await view.click(view.getByText('同意', '[role="button"]'))
    await flush()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/pages/city/index' })
    expect(api.getNearestCity).not.toHaveBeenCalled()
  })

  it('after 不同意 opens the picker without asking for the location', async () => {
    const { HomePage } = await loadHome()
    view = await render(<HomePage />)
    await view.click(view.getByText('不同意', '[role="button"]'))
    await flush()
    expect(fakeTaro.getLocation).not.toHaveBeenCalled()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/pages/city/index' })
    expect(view.getByText('选择城市', '[role="button"]')).toBeTruthy()
  })

  it('uses the remembered city on the next launch without asking again', async () => {
    remember('consent', { decision: 'agreed', version: 1, decidedAt: '2025-01-01T00:00:00.000Z' })
    remember('city', { current: DEYANG, source: 'picker' })
    const { HomePage, api } = await loadHome()
    api.getCatalog.mockResolvedValue(catalog())
    view = await render(<HomePage />)
    await flush()
    expect(view.container.querySelector('[role="dialog"]')).toBeNull()
    expect(fakeTaro.getLocation).not.toHaveBeenCalled()
    expect(view.container.querySelector('.home-city-name')?.textContent).toBe('德阳')
    const titles = [...view.container.querySelectorAll('.section-title')].map((e) => e.textContent)
    expect(titles).toEqual(['本地服务', '全国服务'])
  })

  it('shows compact tiles: name and stars, the summary as description, grouped by domain in one card per section', async () => {
    const view = await renderHomeInDeyang()
    const sections = [...view.container.querySelectorAll('.home-section')]
    expect(sections).toHaveLength(2)
    expect(sections.every((s) => s.classList.contains('card'))).toBe(true)
    const subheadings = [...sections[0]!.querySelectorAll('[role="heading"][aria-level="3"]')].map((e) => e.textContent)
    expect(subheadings).toEqual(['交管', '医疗'])
    const tiles = [...view.container.querySelectorAll('.service-tile')]
    expect(tiles.map((t) => t.querySelector('.service-tile__name')?.textContent)).toEqual(['交通违法', '预约挂号', '出入境办证'])
    expect(tiles[0]?.getAttribute('role')).toBe('button')
    expect(tiles.map((t) => t.getAttribute('aria-label'))).toEqual(['交通违法，4 星', '预约挂号，暂无评分', '出入境办证，5 星'])
    expect(tiles[0]?.getAttribute('title')).toBe('交通违法的说明')
    expect(tiles[0]?.querySelector('.service-tile__icon')?.getAttribute('aria-hidden')).toBe('true')
    expect(view.container.querySelector('.service-tile__summary')).toBeNull()
    expect(tiles[0]?.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe('4 星')
    expect(tiles[1]?.textContent).toContain('暂无评分')
  })

  it('says how many services the city has, and shows a tapped service under 最近使用', async () => {
    const view = await renderHomeInDeyang()
    expect(view.container.querySelector('.home-summary')?.textContent).toBe('共 3 项服务 · 本地 2 项')
    expect(view.container.querySelector('.home-recent')).toBeNull()

    await view.click(tile('预约挂号'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: `/packages/webview/pages/index/index?service=hospital&city=510600&name=${encodeURIComponent('预约挂号')}` })
    const recentNames = () => [...view!.container.querySelectorAll('.home-recent .service-tile__name')].map((e) => e.textContent)
    expect(recentNames()).toEqual(['预约挂号'])
    expect([...view.container.querySelectorAll('.section-title')].map((e) => e.textContent)).toEqual(['最近使用', '本地服务', '全国服务'])

    await view.click(tile('出入境办证', '.home-section:not(.home-recent)'))
    expect(recentNames()).toEqual(['出入境办证', '预约挂号'])
    expect(JSON.parse(deviceStorage.get('onecity:recent-services') as string).state.byCity).toEqual({ '510600': ['exit', 'hospital'] })

    // Search shows results only.
    await view.type(view.container.querySelector<HTMLInputElement>('input[aria-label="搜索服务"]')!, '挂号')
    expect(view.container.querySelector('.home-recent')).toBeNull()
  })

  it('shows only recently used services of this city that its catalog still lists', async () => {
    remember('consent', { decision: 'refused', version: 1, decidedAt: null })
    remember('city', { current: DEYANG, source: 'picker' })
    remember('recent-services', { byCity: { '510600': ['withdrawn', 'exit', 'traffic'], '440300': ['hospital'] } })
    const { HomePage, api } = await loadHome()
    api.getCatalog.mockResolvedValue(catalog())
    view = await render(<HomePage />)
    await flush()
    expect([...view.container.querySelectorAll('.home-recent .service-tile')].map((e) => e.getAttribute('aria-label'))).toEqual([
      '出入境办证，5 星',
      '交通违法，4 星',
    ])
  })

  it('searches by name, item, domain label or summary and lists the results as rows', async () => {
    const view = await renderHomeInDeyang()
    const input = view.container.querySelector<HTMLInputElement>('input[aria-label="搜索服务"]')
    expect(input).not.toBeNull()
    await view.type(input!, '医疗')
    expect([...view.container.querySelectorAll('.service-tile__name')].map((e) => e.textContent)).toEqual(['预约挂号'])
    expect(view.container.querySelector('#home-results-title')?.textContent).toBe('搜索结果')
    // Results are a list that shows what each service does.
    expect(view.container.querySelector('.service-tile--row .service-tile__summary')?.textContent).toBe('预约挂号的说明')
    expect(view.container.querySelector('.home-summary')?.textContent).toBe('共 3 项服务 · 本地 2 项')
    await view.type(input!, '出入境办证查询')
    expect([...view.container.querySelectorAll('.search-results .service-tile__name')].map((e) => e.textContent)).toEqual(['出入境办证'])
    expect(view.container.querySelector('.search-result__note')?.textContent).toBe('全国服务 · 相关事项：出入境办证查询')
  })

  it('ranks what citizens type: pinyin and initials from the catalog’s keys, everyday words', async () => {
    remember('consent', { decision: 'refused', version: 1, decidedAt: null })
    remember('city', { current: SHENZHEN, source: 'picker' })
    const { HomePage, api } = await loadHome()
    const { addSearchKeys } = await import('../../server/modules/catalog/search-keys')
    const { SHENZHEN_CATALOG } = await import('../fixtures/shenzhen-catalog')
    api.getCatalog.mockResolvedValue({ city: SHENZHEN, ...addSearchKeys(SHENZHEN_CATALOG), total: 19 })
    view = await render(<HomePage />)
    await flush()
    const input = view.container.querySelector<HTMLInputElement>('input[aria-label="搜索服务"]')!
    const results = () => [...view!.container.querySelectorAll('.search-results .service-tile__name')].map((e) => e.textContent)

    await view.type(input, 'jiaotong')
    expect(results()).toEqual(['交通违法', '停车缴费', '实时公交', '城市热力图'])
    expect(view.container.querySelector('.home-search-result')?.textContent).toBe('找到 4 项服务')
    expect(view.container.querySelector('.home-recent')).toBeNull()
    await view.type(input, 'gjj')
    expect(results()).toEqual(['公积金'])
    await view.type(input, '违章')
    expect(results()).toEqual(['交通违法'])
    await view.type(input, '水费')
    expect(results()).toEqual(['生活缴费'])
    await view.type(input, '驾驶证')
    expect(results()).toEqual(['车管业务', '交通违法'])
    expect(view.container.querySelector('.search-result__note')?.textContent).toBe('相关事项：驾驶证换证')

    // A result opens like its tile.
    await view.click(view.container.querySelector('.search-results .service-tile')!)
    expect(JSON.parse(deviceStorage.get('onecity:recent-services') as string).state.byCity).toEqual({ '440300': ['shenzhen-vehicle'] })
  })

  it('when nothing is found, keeps what was typed, suggests words that find something and shows the national services', async () => {
    const view = await renderHomeInDeyang()
    const input = view.container.querySelector<HTMLInputElement>('input[aria-label="搜索服务"]')!
    await view.type(input, '不存在的服务')
    expect(view.container.querySelector('.home-search-result')?.textContent).toBe('没有找到与“不存在的服务”相关的服务')
    expect(input.value).toBe('不存在的服务')
    expect(view.container.querySelectorAll('.search-results .service-tile')).toHaveLength(1)
    expect(view.container.querySelector('#home-results-national-title')?.textContent).toBe('看看全国服务')
    expect(view.container.querySelector('.search-results .service-tile__name')?.textContent).toBe('出入境办证')
    // This catalog has 交通违法, 预约挂号 and 出入境办证: only words that find one of them are offered.
    const words = [...view.container.querySelectorAll('.search-empty__word')].map((e) => e.textContent)
    expect(words).toEqual(['违章', '挂号', '出入境'])

    await view.click(view.getByText('挂号', '.search-empty__word'))
    expect(input.value).toBe('挂号')
    expect([...view.container.querySelectorAll('.search-results .service-tile__name')].map((e) => e.textContent)).toEqual(['预约挂号'])
  })

  it('says so when the city has no local services, and still shows the national ones', async () => {
    remember('consent', { decision: 'refused', version: 1, decidedAt: null })
    remember('city', { current: DEYANG, source: 'picker' })
    const { HomePage, api } = await loadHome()
    api.getCatalog.mockResolvedValue(catalog(DEYANG, []))
    view = await render(<HomePage />)
    await flush()
    expect(view.container.textContent).toContain('德阳暂无本地服务，以下是全国服务')
    expect(view.container.querySelector('.home-summary')?.textContent).toBe('共 1 项服务 · 均为全国服务')
    expect([...view.container.querySelectorAll('.service-tile__name')].map((e) => e.textContent)).toEqual(['出入境办证'])
  })

  it('shows the error in Chinese and retries', async () => {
    remember('consent', { decision: 'refused', version: 1, decidedAt: null })
    remember('city', { current: DEYANG, source: 'picker' })
    const { HomePage, api } = await loadHome()
    const { ApiError } = await import('../../src/services/request')
    api.getCatalog.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)).mockResolvedValueOnce(catalog())
    view = await render(<HomePage />)
    await flush()
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('网络连接失败')
    await view.click(view.getByText('重试', '[role="button"]'))
    await flush()
    expect(api.getCatalog).toHaveBeenCalledTimes(2)
    expect(view.container.querySelectorAll('.service-tile')).toHaveLength(3)
  })
})
