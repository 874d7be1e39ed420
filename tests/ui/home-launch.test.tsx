import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/api', () => ({
  getCatalog: vi.fn(),
  getNearestCity: vi.fn(),
  getCities: vi.fn(),
}))

async function loadHome() {
  vi.resetModules()
  const api = await import('../../src/services/api')
  const { default: HomePage } = await import('../../src/pages/home/index')
  return { HomePage, api: vi.mocked(api) }
}

let view: Rendered | undefined

describe('home page launch flow when no city comes of it', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('location refused and the picker closed without a choice: asks for a city with 选择城市, no spinner', async () => {
    const { HomePage, api } = await loadHome()
    fakeTaro.getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' })
    view = await render(<HomePage />)
    await view.click(view.getByText('同意', '[role="button"]'))
    await flush()
    await flush()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/pages/city/index' })
    // The picker is left without a choice: the citizen is back on the home page with no city.
    expect(view.container.textContent).not.toContain('正在准备')
    expect(view.container.querySelector('.status-view--loading')).toBeNull()
    expect(view.container.textContent).toContain('请选择你所在的城市')
    const button = view.getByText('选择城市', '.home-main [role="button"]')
    await view.click(button)
    expect(fakeTaro.navigateTo).toHaveBeenCalledTimes(2)
    expect(api.getCatalog).not.toHaveBeenCalled()
  })

  it('the nearest city not found (network down) ends the same way', async () => {
    const { HomePage, api } = await loadHome()
    fakeTaro.getLocation.mockResolvedValue({ latitude: 31.1, longitude: 104.4 })
    api.getNearestCity.mockRejectedValue(new Error('网络连接失败'))
    view = await render(<HomePage />)
    await view.click(view.getByText('同意', '[role="button"]'))
    await flush()
    await flush()
    expect(view.container.textContent).not.toContain('正在准备')
    expect(view.container.textContent).toContain('请选择你所在的城市')
  })
})
