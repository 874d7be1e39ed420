import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { RecordT } from '../../src/api/citizens'
import type { MyRatingT } from '../../src/api/ratings'
import { resetFakeTaro } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/citizen-api', () => ({
  getMe: vi.fn(),
  verifyIdentity: vi.fn(),
  listVehicles: vi.fn(),
  bindVehicle: vi.fn(),
  unbindVehicle: vi.fn(),
  listRecords: vi.fn(),
}))
vi.mock('../../src/services/rating-api', () => ({ listMyRatings: vi.fn(async () => ratings) }))

let ratings: MyRatingT[] = []

function record(id: string, status: RecordT['status'], amountFen?: number, plate?: string): RecordT {
  return {
    id,
    serviceId: 'chengdu-traffic',
    serviceName: '交通违法',
    cityName: '成都',
    what: '缴纳交通违法罚款',
    ...(plate ? { plate } : {}),
    status,
    ...(amountFen === undefined ? {} : { amountFen }),
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
  }
}

let view: Rendered | undefined

async function renderRecords(records: RecordT[] | 'offline') {
  vi.resetModules()
  const api = vi.mocked(await import('../../src/services/citizen-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: RecordsPage } = await import('../../src/packages/account/pages/records/index')
  if (records === 'offline') api.listRecords.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0))
  else api.listRecords.mockResolvedValue(records)
  view = await render(<RecordsPage />)
  await flush()
  return api
}

describe('办事记录', () => {
  beforeEach(() => {
    resetFakeTaro()
    ratings = []
  })
  afterEach(() => view?.unmount())

  it('lists each record with its status in words, amount and China time', async () => {
    await renderRecords([
      record('1', 'done', 26000),
      record('2', 'paid', 20000),
      record('3', 'pending', 5),
      record('4', 'failed'),
      record('5', 'cancelled', 100),
    ])
    const rows = [...view!.container.querySelectorAll('.record-row')]
    expect(rows).toHaveLength(5)
    expect(rows.map((r) => r.querySelector('.status-tag')?.textContent)).toEqual(['已办结', '已支付（待确认）', '待支付', '未成功', '已取消'])
    expect(rows[0]?.textContent).toContain('交通违法')
    expect(rows[0]?.textContent).toContain('缴纳交通违法罚款 · ¥260.00')
    expect(rows[0]?.textContent).toContain('2026-11-20 10:00')
    expect(rows[2]?.textContent).toContain('¥0.05')
    expect(rows[3]?.textContent).not.toContain('¥')
  })

  it('names the city of the service and, for a fine, the vehicle masked', async () => {
    await renderRecords([record('1', 'done', 26000, '川A***45'), record('2', 'done', 500)])
    const [fine, other] = [...view!.container.querySelectorAll('.record-row')]
    expect(fine?.querySelector('.list-row__title')?.textContent).toBe('成都 · 交通违法')
    expect(fine?.textContent).toContain('车辆 川A***45')
    expect(other?.querySelector('.record-row__plate')).toBeNull()
  })

  it('says when there is nothing yet', async () => {
    await renderRecords([])
    expect(view!.container.textContent).toContain('暂无办事记录')
  })

  it('shows an error with 重试', async () => {
    const api = await renderRecords('offline')
    expect(view!.container.querySelector('[role="alert"]')?.textContent).toContain('网络连接失败')
    api.listRecords.mockResolvedValueOnce([record('1', 'done', 100)])
    await view!.click(view!.getByText('重试', '[role="button"]'))
    await flush()
    expect(view!.container.querySelectorAll('.record-row')).toHaveLength(1)
  })

  it('offers 评价 once a case is 办结, and shows a given rating with whether the agency answered', async () => {
    ratings = [
      {
        recordId: '1',
        level: 1,
        tags: [],
        comment: null,
        ratedAt: '2026-11-20T03:00:00.000Z',
        voided: false,
        ticket: { id: '7', callbackDue: '2026-11-23T15:59:59.999Z', fixDue: '2026-12-11T15:59:59.999Z', callback: { text: '已回访', at: '2026-11-21T01:00:00.000Z' }, fix: null, state: 'open' },
        followUp: null,
      },
    ]
    await renderRecords([record('1', 'done', 100), record('2', 'paid', 100), record('3', 'pending', 5), record('4', 'failed'), record('5', 'cancelled', 100)])
    const rows = [...view!.container.querySelectorAll('.record-row')]
    expect(rows.map((r) => r.querySelector('.record-row__rate')?.textContent ?? null)).toEqual(['查看评价', '评价', null, null, '评价'])
    expect(rows[0]?.textContent).toContain('已评价：非常不满意 · 部门已答复')
  })
})
