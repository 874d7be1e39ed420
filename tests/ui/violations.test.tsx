import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { VEHICLE, VIOLATION, vehicleViolations } from './traffic-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/traffic-api', () => ({
  getVehicleViolations: vi.fn(),
  getViolation: vi.fn(),
  getLicence: vi.fn(),
  createViolationPayment: vi.fn(),
}))

let view: Rendered | undefined

async function renderList(answer: ReturnType<typeof vehicleViolations>) {
  vi.resetModules()
  setRouteParams({ service: 'chengdu-traffic', vehicle: VEHICLE.id })
  const traffic = vi.mocked(await import('../../src/services/traffic-api'))
  const { default: ViolationsPage } = await import('../../src/packages/traffic/pages/violations/index')
  traffic.getVehicleViolations.mockResolvedValue(answer)
  view = await render(<ViolationsPage />)
  await flush()
}

describe('违法记录', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('lists time in China time, place, behaviour, fine in 元, points, status and why not payable', async () => {
    const notPayable = { ...VIOLATION, id: '5101000000000002', payableOnline: false, notPayableReason: '需到窗口处理 / go to the counter' }
    const paid = { ...VIOLATION, id: '5101000000000003', status: 'paid' as const, payableOnline: false, notPayableReason: '已缴款', lateFeeFen: 0, payableFen: 0 }
    await renderList(vehicleViolations([VIOLATION, notPayable, paid]))
    const rows = [...view!.container.querySelectorAll('.violation-row')]
    expect(rows).toHaveLength(3)
    expect(rows[0]?.textContent).toContain('2026-10-01 09:30')
    expect(rows[0]?.textContent).toContain('成都市天府大道北段与锦城大道交叉口')
    expect(rows[0]?.textContent).toContain('驾驶机动车违反道路交通信号灯通行')
    // With a late fee the row says what paying costs, as the violation's page does (应缴 = 罚款 + 滞纳金).
    expect(rows[0]?.textContent).toContain('应缴 260.00 元（罚款 200.00 元 + 滞纳金 60.00 元） · 记 6 分')
    expect(rows[2]?.textContent).toContain('罚款 200.00 元 · 记 6 分')
    expect(rows.map((r) => r.querySelector('.status-tag')?.textContent)).toEqual(['未缴款', '未缴款', '已缴款'])
    expect(rows[1]?.querySelector('.list-row__warn')?.textContent).toBe('不能在线缴款：需到窗口处理')
    expect(rows[0]?.querySelector('.list-row__warn')).toBeNull()
    // Paid needs no reason why it cannot be paid.
    expect(rows[2]?.querySelector('.list-row__warn')).toBeNull()
    expect(view!.container.querySelector('.violations__summary')?.textContent).toBe('2 条未缴款 · 应缴 520.00 元（罚款 400.00 元 + 滞纳金 120.00 元） · 记 12 分')
    await view!.click(rows[1]!)
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/traffic/pages/violation/index?service=chengdu-traffic&vehicle=${VEHICLE.id}&violation=5101000000000002`,
    })
  })

  it('without late fees the row and the summary say the fine alone', async () => {
    const fresh = { ...VIOLATION, lateFeeFen: 0, payableFen: VIOLATION.fineFen }
    await renderList(vehicleViolations([fresh]))
    expect(view!.container.querySelector('.violation-row')?.textContent).toContain('罚款 200.00 元 · 记 6 分')
    expect(view!.container.querySelector('.violations__summary')?.textContent).toBe('1 条未缴款 · 罚款 200.00 元 · 记 6 分')
  })

  it('says when there is no violation', async () => {
    await renderList(vehicleViolations([]))
    expect(view!.container.textContent).toContain('暂无违法记录')
    expect(view!.container.querySelector('.violation-row')).toBeNull()
  })
})
