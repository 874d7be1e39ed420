import { describe, expect, it } from 'vitest'
import type { City } from '../../src/domain/city'
import { matchCity, normalizeQuery, searchCities } from '../../src/domain/search-cities'

function city(code: string, name: string, fullName: string, pinyin: string, initials: string): City {
  return {
    code,
    name,
    fullName,
    provinceCode: code.slice(0, 2),
    provinceName: '测试省',
    pinyin,
    initials,
    kind: 'prefecture',
    lat: 30,
    lng: 110,
  }
}

const chongqing: City = { ...city('500100', '重庆', '重庆市', 'chongqing', 'cq'), kind: 'municipality' }
const deyang = city('510600', '德阳', '德阳市', 'deyang', 'dy')
const dazhou = city('511700', '达州', '达州市', 'dazhou', 'dz')
const xian = city('610100', '西安', '西安市', 'xian', 'xa')
const xianyang = city('610400', '咸阳', '咸阳市', 'xianyang', 'xy')
const ganzi = city('513300', '甘孜', '甘孜藏族自治州', 'ganzi', 'gz')
const changsha = city('430100', '长沙', '长沙市', 'changsha', 'cs')
const changchun = city('220100', '长春', '长春市', 'changchun', 'cc')
const all = [xianyang, deyang, chongqing, ganzi, changsha, xian, dazhou, changchun]

describe('normalizeQuery', () => {
  it.each([
    ['  DeYang ', 'deyang'],
    ['chong qing', 'chongqing'],
    ["xi'an", 'xian'],
    ['xi’an', 'xian'],
    ['\tCQ\n', 'cq'],
    ['重庆', '重庆'],
    [' 重 庆 ', '重庆'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (q, expected) => {
    expect(normalizeQuery(q)).toBe(expected)
  })
})

describe('matchCity', () => {
  it('scores an exact Chinese short or full name 0', () => {
    expect(matchCity(deyang, '德阳')).toBe(0)
    expect(matchCity(deyang, '德阳市')).toBe(0)
    expect(matchCity(ganzi, '甘孜藏族自治州')).toBe(0)
  })

  it('scores exact pinyin or initials 1, whatever the case and spacing', () => {
    expect(matchCity(deyang, 'deyang')).toBe(1)
    expect(matchCity(deyang, 'DeYang')).toBe(1)
    expect(matchCity(deyang, 'de yang')).toBe(1)
    expect(matchCity(deyang, 'dy')).toBe(1)
    expect(matchCity(chongqing, 'CQ')).toBe(1)
    expect(matchCity(xian, "xi'an")).toBe(1)
  })

  it('scores a Chinese prefix 2', () => {
    expect(matchCity(deyang, '德')).toBe(2)
    expect(matchCity(ganzi, '甘孜藏族')).toBe(2)
  })

  it('scores a pinyin prefix 3 and an initials prefix 4', () => {
    expect(matchCity(deyang, 'dey')).toBe(3)
    expect(matchCity(xianyang, 'xian')).toBe(3)
    expect(matchCity(changsha, 'c')).toBe(3)
    expect(matchCity(ganzi, 'g')).toBe(3)
    // "cc" is no pinyin prefix of changsha, and no initials prefix either
    expect(matchCity(changsha, 'cc')).toBeNull()
    expect(matchCity(changchun, 'cc')).toBe(1)
    const odd = city('999900', '测试', '测试市', 'ceshi', 'zq')
    expect(matchCity(odd, 'z')).toBe(4)
  })

  it('scores a substring of the full name 5', () => {
    expect(matchCity(ganzi, '藏族')).toBe(5)
    expect(matchCity(ganzi, '自治州')).toBe(5)
    expect(matchCity(deyang, '阳')).toBe(5)
  })

  it('does not match unrelated or empty queries', () => {
    expect(matchCity(deyang, 'xiamen')).toBeNull()
    expect(matchCity(deyang, '厦门')).toBeNull()
    expect(matchCity(deyang, 'yang')).toBeNull()
    expect(matchCity(deyang, '')).toBeNull()
    expect(matchCity(deyang, '   ')).toBeNull()
  })
})

describe('searchCities', () => {
  const codes = (cs: City[]) => cs.map((c) => c.code)

  it('returns every city in code order for an empty query', () => {
    expect(codes(searchCities(all, ''))).toEqual(codes(all).sort())
    expect(codes(searchCities(all, '  '))).toEqual(codes(all).sort())
  })

  it('honours the limit, also for an empty query', () => {
    expect(searchCities(all, '', 2)).toHaveLength(2)
    expect(searchCities(all, 'x', 1)).toHaveLength(1)
    expect(searchCities(all, 'x', 0)).toEqual([])
  })

  it('does not reorder its input', () => {
    const input = [...all]
    searchCities(input, '')
    searchCities(input, 'd')
    expect(input).toEqual(all)
  })

  it.each([
    ['cq', '500100'],
    ['chongqing', '500100'],
    ['重庆', '500100'],
    ['deyang', '510600'],
    ['dy', '510600'],
    ['德阳', '510600'],
    ['ganzi', '513300'],
    ['甘孜', '513300'],
  ])('%s finds %s first', (q, code) => {
    expect(searchCities(all, q)[0]?.code).toBe(code)
  })

  it('puts the exact pinyin before longer pinyin sharing its prefix', () => {
    expect(codes(searchCities(all, 'xian'))).toEqual(['610100', '610400'])
  })

  it('breaks ties by code', () => {
    expect(codes(searchCities(all, 'd'))).toEqual(['510600', '511700'])
    expect(codes(searchCities(all, 'chang'))).toEqual(['220100', '430100'])
  })

  it('ranks better matches first whatever the code', () => {
    // 甘孜 (513300) matches "g" by pinyin prefix (3); a made-up 100000 city only by initials prefix (4)
    const early = city('100000', '测试', '测试市', 'ceshi', 'gx')
    expect(codes(searchCities([early, ...all], 'g'))).toEqual(['513300', '100000'])
    // an exact Chinese name (0) beats a full-name substring (5) with a lower code
    const sub = city('100001', '西阳', '西阳德阳市', 'xiyang', 'xy')
    expect(codes(searchCities([sub, ...all], '德阳'))).toEqual(['510600', '100001'])
  })

  it('finds only initials matching exactly, not arbitrary letter pairs', () => {
    expect(codes(searchCities(all, 'dz'))).toEqual(['511700'])
  })

  it('returns nothing when nothing matches', () => {
    expect(searchCities(all, 'zzz')).toEqual([])
    expect(searchCities([], 'cq')).toEqual([])
    expect(searchCities([], '')).toEqual([])
  })
})
