import { describe, expect, it } from 'vitest'
import { addSearchKeys, pinyinKey } from '../../../server/modules/catalog/search-keys'
import { SHENZHEN_CATALOG } from '../../fixtures/shenzhen-catalog'

describe('pinyinKey', () => {
  it.each([
    ['公积金', 'gong ji jin', 'gjj'],
    ['交通违法', 'jiao tong wei fa', 'jtwf'],
    ['预约挂号', 'yu yue gua hao', 'yygh'],
    ['法律服务', 'fa lv fu wu', 'flfw'], // ü as v, as citizens type it
    ['车管业务', 'che guan ye wu', 'cgyw'],
    ['银行卡', 'yin hang ka', 'yhk'],
    ['公积金还款', 'gong ji jin huan kuan', 'gjjhk'], // override: 还 read hái by the library
    ['提前还贷', 'ti qian huan dai', 'tqhd'],
  ])('%s → %s / %s', (text, pinyin, initials) => {
    expect(pinyinKey(text)).toEqual({ pinyin, initials })
  })

  it('keeps latin and digit runs whole and drops punctuation', () => {
    expect(pinyinKey('ETC办理')).toEqual({ pinyin: 'etc ban li', initials: 'etcbl' })
    expect(pinyinKey('12348 法律咨询')).toEqual({ pinyin: '12348 fa lv zi xun', initials: '12348flzx' })
    expect(pinyinKey('乘车码（地铁）')).toEqual({ pinyin: 'cheng che ma di tie', initials: 'ccmdt' })
    expect(pinyinKey('')).toEqual({ pinyin: '', initials: '' })
  })
})

describe('addSearchKeys', () => {
  it('adds keys to every group and service, one per item in order, keeping every other field', () => {
    const keyed = addSearchKeys({ ...SHENZHEN_CATALOG, total: 19 })
    expect(keyed.total).toBe(19)
    const groups = [...keyed.local, ...keyed.national]
    expect(groups.find((g) => g.domain === 'housing-fund')?.search).toEqual({ pinyin: 'gong ji jin', initials: 'gjj' })
    for (const [gi, group] of groups.entries()) {
      const original = [...SHENZHEN_CATALOG.local, ...SHENZHEN_CATALOG.national][gi]!
      for (const [si, service] of group.services.entries()) {
        const { search, ...rest } = service
        expect(rest).toEqual(original.services[si])
        expect(search?.name).toEqual(pinyinKey(service.name))
        expect(search?.items).toEqual(service.items.map((i) => pinyinKey(i.name)))
      }
    }
    const vehicle = groups.flatMap((g) => g.services).find((s) => s.name === '车管业务')
    expect(vehicle?.search?.items[1]).toEqual({ pinyin: 'jia shi zheng huan zheng', initials: 'jszhz' })
  })
})
