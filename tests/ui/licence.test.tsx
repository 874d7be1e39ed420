import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/traffic-api', () => ({
  getVehicleViolations: vi.fn(),
  getViolation: vi.fn(),
  getLicence: vi.fn(),
  createViolationPayment: vi.fn(),
}))

let view: Rendered | undefined

async function renderLicence(answer: { code: string; status: number } | 'ok') {
  vi.resetModules()
  setRouteParams({ service: 'chengdu-traffic' })
  const traffic = vi.mocked(await import('../../src/services/traffic-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: LicencePage } = await import('../../src/packages/traffic/pages/licence/index')
  if (answer === 'ok') {
    traffic.getLicence.mockResolvedValue({
      licenceNo: '5106**********1238',
      licenceClass: 'C1',
      points: 3,
      cycleStart: '2026-03-07',
      cycleEnd: '2027-03-06',
      status: 'normal',
      validUntil: '2032-03-07',
    })
  } else traffic.getLicence.mockRejectedValue(new ApiError(answer.code, '出错了', answer.status))
  view = await render(<LicencePage />)
  await flush()
  return traffic
}

describe('驾驶证记分', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('shows points, 准驾车型, the cycle and status', async () => {
    const traffic = await renderLicence('ok')
    expect(traffic.getLicence).toHaveBeenCalledWith('chengdu-traffic')
    const text = view!.container.textContent
    expect(view!.container.querySelector('.licence-points__value')?.textContent).toBe('3 分')
    expect(text).toContain('C1')
    expect(text).toContain('2026-03-07 至 2027-03-06')
    expect(text).toContain('正常')
    expect(text).toContain('5106**********1238')
  })

  it('asks for 实名认证 first', async () => {
    await renderLicence({ code: 'IDENTITY_REQUIRED', status: 403 })
    expect(view!.container.textContent).toContain('需要先完成实名认证')
    await view!.click(view!.getByText('去认证', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })
  })

  it('says when no licence is found', async () => {
    await renderLicence({ code: 'LICENCE_NOT_FOUND', status: 404 })
    expect(view!.container.textContent).toContain('未查询到')
    expect(view!.queryByText('重试', '[role="button"]')).toBeNull()
  })
})
