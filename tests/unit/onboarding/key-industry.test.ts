import { describe, expect, it } from 'vitest'
import { DOMAIN_IDS } from '../../../src/domain/catalog'
import { KEY_INDUSTRIES, KEY_INDUSTRY_IDS, KEY_ITEMS, industryOfKeyItem, isKeyItem } from '../../../src/domain/key-industry'

describe('KEY_INDUSTRIES', () => {
  it('has the 5 industries of 02-services.md with 5 + 4 + 4 + 4 + 4 items', () => {
    expect(KEY_INDUSTRY_IDS).toEqual(['traffic', 'vehicle', 'housing-fund', 'social-security', 'medical'])
    expect(KEY_INDUSTRY_IDS.map((id) => KEY_INDUSTRIES[id].label)).toEqual(['交管', '车管', '公积金', '社保', '医疗'])
    expect(KEY_INDUSTRY_IDS.map((id) => KEY_INDUSTRIES[id].items.length)).toEqual([5, 4, 4, 4, 4])
  })

  it('names every industry after a catalog domain', () => {
    for (const id of KEY_INDUSTRY_IDS) expect(DOMAIN_IDS).toContain(id)
  })
})

describe('KEY_ITEMS', () => {
  it('lists the 21 items, each once, in table order', () => {
    expect(KEY_ITEMS).toHaveLength(21)
    expect(new Set(KEY_ITEMS).size).toBe(21)
    expect(KEY_ITEMS[0]).toBe('机动车违法查询')
    expect(KEY_ITEMS.at(-1)).toBe('就诊卡办理')
  })
})

describe('industryOfKeyItem', () => {
  it.each([
    ['预约挂号', 'medical'],
    ['交通违法缴款', 'traffic'],
    ['机动车选号', 'vehicle'],
    ['贷款查询与试算', 'housing-fund'],
    ['电子社保卡', 'social-security'],
  ])('%s → %s', (item, industry) => {
    expect(industryOfKeyItem(item)).toBe(industry)
  })

  it('is undefined for other names', () => {
    expect(industryOfKeyItem('违法查询')).toBeUndefined()
    expect(industryOfKeyItem('')).toBeUndefined()
  })
})

describe('isKeyItem', () => {
  it('knows the 21 names and nothing else', () => {
    expect(KEY_ITEMS.every(isKeyItem)).toBe(true)
    expect(isKeyItem('违法查询')).toBe(false)
    expect(isKeyItem('toString')).toBe(false)
  })
})
