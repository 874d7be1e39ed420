import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { coverPage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { VEHICLE, VIOLATION, vehicleViolations } from './traffic-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/citizen-api', () => ({
  getMe: vi.fn(),
  verifyIdentity: vi.fn(),
  listVehicles: vi.fn(),
  bindVehicle: vi.fn(),
  unbindVehicle: vi.fn(),
  listRecords: vi.fn(),
}))
vi.mock('../../src/services/traffic-api', () => ({
  getVehicleViolations: vi.fn(),
  getViolation: vi.fn(),
  getLicence: vi.fn(),
  createViolationPayment: vi.fn(),
}))

const IDENTITY = { name: '*伟', idNumber: '5106**********1238', verifiedAt: '2026-11-20T02:00:00.000Z' }
const ROUTE = { service: 'chengdu-traffic', name: encodeURIComponent('交通违法') }

let view: Rendered | undefined

async function load() {
  vi.resetModules()
  const citizen = vi.mocked(await import('../../src/services/citizen-api'))
  const traffic = vi.mocked(await import('../../src/services/traffic-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: TrafficHomePage } = await import('../../src/packages/traffic/pages/index/index')
  return { citizen, traffic, ApiError, TrafficHomePage }
}

async function show(page: Awaited<ReturnType<typeof load>>) {
  view = await render(<page.TrafficHomePage />)
  await flush()
  await flush()
}

const button = (text: string) => view!.getByText(text, '[role="button"]')

describe('交通违法: my vehicles', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('lists masked vehicles with their unpaid totals and opens the violations', async () => {
    setRouteParams(ROUTE)
    const page = await load()
    page.citizen.getMe.mockResolvedValue({ identity: IDENTITY, vehicles: 1 })
    page.citizen.listVehicles.mockResolvedValue([VEHICLE])
    page.traffic.getVehicleViolations.mockResolvedValue(vehicleViolations([VIOLATION]))
    await show(page)
    expect(view!.container.querySelector('[role="heading"][aria-level="1"]')?.textContent).toBe('交通违法')
    expect(page.traffic.getVehicleViolations).toHaveBeenCalledWith('chengdu-traffic', VEHICLE.id)
    const card = view!.container.querySelector('.vehicle-card')
    expect(card?.querySelector('.vehicle-card__plate')?.textContent).toBe('川A***45')
    expect(card?.textContent).toContain('小型汽车')
    expect(card?.querySelector('.vehicle-card__summary')?.textContent).toBe('1 条未缴款 · 应缴 260.00 元（罚款 200.00 元 + 滞纳金 60.00 元） · 记 6 分')
    await view!.click(view!.container.querySelector('.vehicle-card__open')!)
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/traffic/pages/violations/index?service=chengdu-traffic&vehicle=${VEHICLE.id}`,
    })
    await view!.click(view!.container.querySelector('.traffic-home__licence')!)
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/traffic/pages/licence/index?service=chengdu-traffic' })
  })

  it('sends a citizen without real name to 实名认证 first, then on to 绑定车辆', async () => {
    setRouteParams(ROUTE)
    const page = await load()
    page.citizen.getMe.mockResolvedValue({ identity: null, vehicles: 0 })
    page.citizen.listVehicles.mockResolvedValue([])
    await show(page)
    expect(view!.container.textContent).toContain('还没有绑定车辆')
    expect(view!.container.textContent).toContain('需要先完成实名认证')
    await view!.click(button('绑定车辆'))
    const bind = '/packages/traffic/pages/bind/index?service=chengdu-traffic'
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: `/packages/account/pages/identity/index?back=${encodeURIComponent(bind)}` })
  })

  it('opens 绑定车辆 directly when verified, and lists the new vehicle on the way back', async () => {
    setRouteParams(ROUTE)
    const page = await load()
    page.citizen.getMe.mockResolvedValue({ identity: IDENTITY, vehicles: 0 })
    page.citizen.listVehicles.mockResolvedValueOnce([]).mockResolvedValueOnce([VEHICLE])
    page.traffic.getVehicleViolations.mockResolvedValue(vehicleViolations([]))
    await show(page)
    await view!.click(button('绑定车辆'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/traffic/pages/bind/index?service=chengdu-traffic' })
    await act(async () => {
      coverPage()
      uncoverPage()
    })
    await flush()
    await flush()
    expect(view!.container.querySelector('.vehicle-card__plate')?.textContent).toBe('川A***45')
    expect(view!.container.querySelector('.vehicle-card__summary')?.textContent).toBe('暂无违法记录')
  })

  it('offers 重新绑定 when the police do not know the plate and engine number, and 解绑 after confirming', async () => {
    setRouteParams(ROUTE)
    const page = await load()
    page.citizen.getMe.mockResolvedValue({ identity: IDENTITY, vehicles: 1 })
    page.citizen.listVehicles.mockResolvedValueOnce([VEHICLE]).mockResolvedValue([])
    page.traffic.getVehicleViolations.mockRejectedValue(new page.ApiError('VEHICLE_NOT_FOUND', '号牌或发动机号不匹配', 404))
    page.citizen.unbindVehicle.mockResolvedValue(undefined)
    await show(page)
    expect(view!.container.querySelector('.vehicle-card [role="alert"]')?.textContent).toContain('号牌或发动机号不匹配')
    expect(view!.container.querySelector('.vehicle-card__open')?.getAttribute('role')).toBeNull()
    expect(view!.container.querySelector('.vehicle-card__unbind')?.getAttribute('aria-label')).toBe('解绑 川A***45')

    await view!.click(button('重新绑定'))
    await flush()
    expect(fakeTaro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '解绑车辆' }))
    expect(page.citizen.unbindVehicle).toHaveBeenCalledWith(VEHICLE.id)
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/traffic/pages/bind/index?service=chengdu-traffic' })
    expect(view!.container.textContent).toContain('还没有绑定车辆')
  })

  it('does not unbind when the citizen cancels', async () => {
    setRouteParams(ROUTE)
    const page = await load()
    page.citizen.getMe.mockResolvedValue({ identity: IDENTITY, vehicles: 1 })
    page.citizen.listVehicles.mockResolvedValue([VEHICLE])
    page.traffic.getVehicleViolations.mockResolvedValue(vehicleViolations([]))
    fakeTaro.showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    await show(page)
    await view!.click(view!.container.querySelector('.vehicle-card__unbind')!)
    await flush()
    expect(page.citizen.unbindVehicle).not.toHaveBeenCalled()
  })

  it('from 我的 (no service) lists the vehicles only', async () => {
    const page = await load()
    page.citizen.getMe.mockResolvedValue({ identity: IDENTITY, vehicles: 1 })
    page.citizen.listVehicles.mockResolvedValue([VEHICLE])
    await show(page)
    expect(view!.container.querySelector('[role="heading"][aria-level="1"]')?.textContent).toBe('我的车辆')
    expect(page.traffic.getVehicleViolations).not.toHaveBeenCalled()
    expect(view!.container.querySelector('.vehicle-card__plate')?.textContent).toBe('川A***45')
    expect(view!.container.querySelector('.traffic-home__licence')).toBeNull()
  })

  it('shows a load error with 重试', async () => {
    setRouteParams(ROUTE)
    const page = await load()
    page.citizen.getMe.mockRejectedValueOnce(new page.ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0)).mockResolvedValue({ identity: IDENTITY, vehicles: 0 })
    page.citizen.listVehicles.mockResolvedValue([])
    await show(page)
    expect(view!.container.querySelector('[role="alert"]')?.textContent).toContain('网络连接失败')
    await view!.click(button('重试'))
    await flush()
    expect(view!.container.textContent).toContain('还没有绑定车辆')
  })
})
