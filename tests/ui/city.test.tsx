import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { ANSHAN, BEIJING, CHAOZHOU, CHONGQING, DEYANG, SHENZHEN } from '../unit/helpers/cities'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/api', () => ({ getCatalog: vi.fn(), getNearestCity: vi.fn(), getCities: vi.fn() }))

const CITIES = [BEIJING, SHENZHEN, DEYANG, CHONGQING, CHAOZHOU, ANSHAN]

async function loadPicker() {
  vi.resetModules()
  const api = vi.mocked(await import('../../src/services/api'))
  const { default: CityPage } = await import('../../src/pages/city/index')
  const { useCityStore } = await import('../../src/stores/city-store')
  api.getCities.mockResolvedValue(CITIES)
  return { CityPage, api, useCityStore }
}

let view: Rendered | undefined

describe('city picker', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('loads the cities once and lists hot cities and A–Z groups with an index bar', async () => {
    const { CityPage, api } = await loadPicker()
    view = await render(<CityPage />)
    await flush()
    expect(api.getCities).toHaveBeenCalledTimes(1)
    expect([...view.container.querySelectorAll('.city-chip')].map((e) => e.textContent)).toEqual(['北京', '深圳', '重庆'])
    expect([...view.container.querySelectorAll('.city-letter__title')].map((e) => e.textContent)).toEqual(['A', 'B', 'C', 'D', 'S'])
    expect([...view.container.querySelectorAll('.city-index__letter')].map((e) => e.textContent)).toEqual(['A', 'B', 'C', 'D', 'S'])
    await view.click(view.getByText('C', '.city-index__letter'))
    expect(fakeTaro.pageScrollTo).toHaveBeenCalledWith({ selector: '#city-letter-C', duration: 0 })
  })

  it('filters as you type: Chinese, full pinyin and initials', async () => {
    const { CityPage } = await loadPicker()
    view = await render(<CityPage />)
    await flush()
    const input = view.container.querySelector<HTMLInputElement>('input[aria-label="搜索城市"]')
    expect(input?.placeholder).toContain('搜索城市')
    const names = () => [...view!.container.querySelectorAll('.city-results .city-row__name')].map((e) => e.textContent)
    await view.type(input!, '重庆')
    expect(names()).toEqual(['重庆'])
    await view.type(input!, 'chongqing')
    expect(names()).toEqual(['重庆'])
    await view.type(input!, 'cq')
    expect(names()).toEqual(['重庆'])
    await view.type(input!, 'xyzxyz')
    expect(names()).toEqual([])
    expect(view.container.textContent).toContain('没有找到')
  })

  it('makes the tapped city current, remembers it and goes back', async () => {
    const { CityPage, useCityStore } = await loadPicker()
    view = await render(<CityPage />)
    await flush()
    await view.click(view.getByText('深圳', '.city-chip'))
    expect(useCityStore.getState()).toMatchObject({ current: { code: '440300' }, source: 'picker' })
    expect(fakeTaro.navigateBack).toHaveBeenCalled()
  })

  it('asks for consent before using the location', async () => {
    const { CityPage, api } = await loadPicker()
    api.getNearestCity.mockResolvedValue({ city: DEYANG, distanceKm: 2 })
    fakeTaro.getLocation.mockResolvedValue({ latitude: 31.13, longitude: 104.4 })
    view = await render(<CityPage />)
    await flush()
    await view.click(view.getByText('使用我的位置', '[role="button"]'))
    expect(fakeTaro.getLocation).not.toHaveBeenCalled()
    expect(view.container.querySelector('[role="dialog"]')).not.toBeNull()
    await view.click(view.getByText('同意', '[role="button"]'))
    await flush()
    expect(fakeTaro.getLocation).toHaveBeenCalled()
    expect(fakeTaro.navigateBack).toHaveBeenCalled()
  })

  it('shows an error with a retry when the list cannot be loaded', async () => {
    const { CityPage, api } = await loadPicker()
    const { ApiError } = await import('../../src/services/request')
    api.getCities.mockReset()
    api.getCities.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)).mockResolvedValueOnce(CITIES)
    view = await render(<CityPage />)
    await flush()
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('网络连接失败')
    await view.click(view.getByText('重试', '[role="button"]'))
    await flush()
    expect(view.container.querySelectorAll('.city-chip')).toHaveLength(3)
  })
})
