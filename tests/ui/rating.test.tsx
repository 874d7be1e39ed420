import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MyRatingT } from '../../src/api/ratings'
import { resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/rating-api', () => ({ getMyRating: vi.fn(), rateRecord: vi.fn(), followUpRating: vi.fn(), listMyRatings: vi.fn() }))

const rated = (over: Partial<MyRatingT> = {}): MyRatingT => ({
  recordId: 'r1',
  level: 1,
  tags: ['办理太慢'],
  comment: '请回电138****5678',
  ratedAt: '2026-11-20T03:00:00.000Z',
  voided: false,
  ticket: { id: '7', callbackDue: '2026-11-23T15:59:59.999Z', fixDue: '2026-12-11T15:59:59.999Z', callback: null, fix: null, state: 'open' },
  followUp: null,
  ...over,
})

let view: Rendered | undefined

async function renderPage(rating: MyRatingT | null) {
  vi.resetModules()
  setRouteParams({ recordId: 'r1', what: '缴纳交通违法罚款' })
  const api = vi.mocked(await import('../../src/services/rating-api'))
  api.getMyRating.mockResolvedValue(rating)
  const { useCityStore } = await import('../../src/stores/city-store')
  useCityStore.setState({ current: { code: '510600', name: '德阳' } as never, source: 'picker' })
  const { default: RatingPage } = await import('../../src/packages/account/pages/rating/index')
  view = await render(<RatingPage />)
  await flush()
  return api
}

describe('评价', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('offers the five levels, the tags of the chosen level and a comment, and sends them once', async () => {
    const api = await renderPage(null)
    const levels = [...view!.container.querySelectorAll('[role="radio"]')].map((e) => e.textContent)
    expect(levels).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意'])
    // Nothing chosen: said, not sent.
    await view!.click(view!.getByText('提交评价', '[role="button"]'))
    expect(view!.container.querySelector('[role="alert"]')?.textContent).toContain('请选择满意程度')
    await view!.click(view!.getByText('非常不满意', '[role="radio"]'))
    await view!.click(view!.getByText('态度差', '[role="checkbox"]'))
    await view!.type(view!.container.querySelector<HTMLInputElement>('input[aria-label="评价内容（选填）"]')!, '办了三天')
    api.rateRecord.mockResolvedValue(rated({ tags: ['态度差'], comment: '办了三天' }))
    await view!.click(view!.getByText('提交评价', '[role="button"]'))
    await flush()
    // With the city the app is in, which places a province-wide or national service's rating.
    expect(api.rateRecord).toHaveBeenCalledWith('r1', { level: 1, tags: ['态度差'], comment: '办了三天', cityCode: '510600' })
    expect(view!.container.textContent).toContain('我的评价：非常不满意')
    expect(view!.container.textContent).toContain('已转交办理部门')
    expect(view!.queryByText('提交评价', '[role="button"]')).toBeNull()
  })

  it('shows the agency’s answer and takes one 追评; nothing more once it is given', async () => {
    const answered = rated({ ticket: { ...rated().ticket!, callback: { text: '已回电致歉', at: '2026-11-21T01:00:00.000Z' } } })
    const api = await renderPage(answered)
    expect(view!.container.textContent).toContain('部门回访：已回电致歉')
    await view!.click(view!.getByText('满意', '[role="radio"]'))
    api.followUpRating.mockResolvedValue({ ...answered, followUp: { level: 4, comment: null, at: '2026-11-22T01:00:00.000Z' } })
    await view!.click(view!.getByText('提交追评', '[role="button"]'))
    await flush()
    expect(api.followUpRating).toHaveBeenCalledWith('r1', { level: 4 })
    expect(view!.container.textContent).toContain('我的追评：满意')
    expect(view!.queryByText('提交追评', '[role="button"]')).toBeNull()
  })

  it('offers no 追评 before the agency answers', async () => {
    await renderPage(rated())
    expect(view!.queryByText('提交追评', '[role="button"]')).toBeNull()
    expect(view!.queryByText('提交评价', '[role="button"]')).toBeNull()
  })
})
