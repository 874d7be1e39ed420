import { describe, expect, it } from 'vitest'
import type { ServiceItem } from '../../../src/domain/catalog'
import { KEY_ITEMS } from '../../../src/domain/key-industry'
import { computeRichness } from '../../../src/domain/richness'

const item = (name: string, keyItem?: string): ServiceItem => ({ id: name, name, kind: 'query', ...(keyItem ? { keyItem } : {}) })
const service = (...items: ServiceItem[]) => ({ items })

describe('computeRichness', () => {
  it('is 0 of 21 with no services', () => {
    const r = computeRichness([])
    expect(r).toMatchObject({ available: 0, total: 21, share: 0 })
    expect(r.industries.map((i) => i.label)).toEqual(['交管', '车管', '公积金', '社保', '医疗'])
    expect(r.industries.map((i) => i.total)).toEqual([5, 4, 4, 4, 4])
  })

  it('counts distinct key items across services, each once', () => {
    const r = computeRichness([
      service(item('挂号', '预约挂号'), item('缴费', '门诊缴费')),
      service(item('另一家医院挂号', '预约挂号')),
      service(item('天气')),
    ])
    expect(r.available).toBe(2)
    expect(r.share).toBeCloseTo(2 / 21)
    expect(r.industries.find((i) => i.industry === 'medical')!.items).toEqual(['预约挂号', '门诊缴费'])
  })

  it('reaches 21 of 21 when every key item is offered', () => {
    const r = computeRichness([service(...KEY_ITEMS.map((k) => item(k, k)))])
    expect(r).toMatchObject({ available: 21, share: 1 })
  })

  it('ignores names that are not key items', () => {
    expect(computeRichness([service(item('x', '不存在的事项'))]).available).toBe(0)
  })
})
