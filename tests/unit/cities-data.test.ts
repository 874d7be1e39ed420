import { describe, expect, it } from 'vitest'
import cities from '../../server/reference/cities.json'
import type { City } from '../../src/domain/city'
import { isCityCode } from '../../src/domain/city'
import { nearestCity } from '../../src/domain/nearest-city'
import { searchCities } from '../../src/domain/search-cities'

// Checks on the generated data (scripts/generate-cities.ts → server/reference/cities.json).
const all = cities as City[]
const byCode = (code: string) => all.find((c) => c.code === code)

describe('cities.json shape', () => {
  it('has 6-digit, unique codes in code order', () => {
    for (const c of all) expect(isCityCode(c.code), c.code).toBe(true)
    const codes = all.map((c) => c.code)
    expect(new Set(codes).size).toBe(codes.length)
    expect(codes).toEqual([...codes].sort())
  })

  it('has every field of City with a sensible value', () => {
    for (const c of all) {
      expect(c.name.length, c.code).toBeGreaterThanOrEqual(2)
      expect(c.fullName.startsWith(c.name), `${c.code} ${c.fullName}`).toBe(true)
      expect(c.provinceCode).toBe(c.code.slice(0, 2))
      expect(c.provinceName).toMatch(/(省|市|自治区)$/)
      expect(c.pinyin, c.code).toMatch(/^[a-z]+$/)
      expect(c.initials, c.code).toMatch(/^[a-z]+$/)
      expect(c.pinyin.startsWith(c.initials[0]!), c.code).toBe(true)
      expect(['municipality', 'prefecture', 'county']).toContain(c.kind)
    }
  })

  it('has no Hong Kong, Macao or Taiwan codes', () => {
    for (const c of all) expect(['71', '81', '82'], c.code).not.toContain(c.provinceCode)
  })

  it('has no placeholder rows', () => {
    for (const c of all) {
      expect(c.fullName, c.code).not.toMatch(/^(县|市辖区)$|直辖|行政区划/)
      expect(c.name, c.code).not.toMatch(/族|自治|地区/)
    }
  })

  it('has 330-345 prefecture-level cities and municipalities', () => {
    const n = all.filter((c) => c.kind !== 'county').length
    expect(n).toBeGreaterThanOrEqual(330)
    expect(n).toBeLessThanOrEqual(345)
  })

  it('has the four municipalities once each', () => {
    const m = all.filter((c) => c.kind === 'municipality').map((c) => `${c.code} ${c.name}`)
    expect(m).toEqual(['110100 北京', '120100 天津', '310100 上海', '500100 重庆'])
  })

  it('has province-administered county-level cities, all ending in 市', () => {
    const counties = all.filter((c) => c.kind === 'county')
    expect(counties.map((c) => c.name)).toEqual(expect.arrayContaining(['济源', '仙桃', '潜江', '天门', '石河子', '五指山']))
    for (const c of counties) expect(c.fullName, c.code).toMatch(/市$/)
    expect(all.find((c) => c.fullName === '神农架林区')).toBeUndefined()
  })

  it('uses short names people say', () => {
    expect(byCode('513300')).toMatchObject({ name: '甘孜', fullName: '甘孜藏族自治州', provinceName: '四川省' })
    expect(byCode('422800')).toMatchObject({ name: '恩施', fullName: '恩施土家族苗族自治州' })
    expect(byCode('632800')).toMatchObject({ name: '海西', fullName: '海西蒙古族藏族自治州' })
    expect(byCode('653000')).toMatchObject({ name: '克孜勒苏' })
    expect(byCode('654000')).toMatchObject({ name: '伊犁' })
    expect(byCode('652700')).toMatchObject({ name: '博尔塔拉' })
    expect(byCode('532800')).toMatchObject({ name: '西双版纳' })
    expect(byCode('532900')).toMatchObject({ name: '大理' })
    expect(byCode('522300')).toMatchObject({ name: '黔西南' })
    expect(byCode('152500')).toMatchObject({ name: '锡林郭勒', fullName: '锡林郭勒盟' })
    expect(byCode('542500')).toMatchObject({ name: '阿里', fullName: '阿里地区' })
    expect(byCode('450100')).toMatchObject({ name: '南宁', provinceName: '广西壮族自治区' })
    expect(byCode('110100')).toMatchObject({ name: '北京', provinceName: '北京市' })
  })
})

describe('pinyin of polyphonic names', () => {
  it.each([
    ['500100', '重庆', 'chongqing', 'cq'],
    ['350200', '厦门', 'xiamen', 'xm'],
    ['510600', '德阳', 'deyang', 'dy'],
    ['430100', '长沙', 'changsha', 'cs'],
    ['220100', '长春', 'changchun', 'cc'],
    ['340300', '蚌埠', 'bengbu', 'bb'],
    ['341500', '六安', 'luan', 'la'],
    ['331100', '丽水', 'lishui', 'ls'],
    ['530700', '丽江', 'lijiang', 'lj'],
    ['341600', '亳州', 'bozhou', 'bz'],
    ['331000', '台州', 'taizhou', 'tz'],
    ['511100', '乐山', 'leshan', 'ls'],
    ['532900', '大理', 'dali', 'dl'],
    ['350300', '莆田', 'putian', 'pt'],
    ['530300', '曲靖', 'qujing', 'qj'],
    ['540300', '昌都', 'changdu', 'cd'],
    ['653100', '喀什', 'kashi', 'ks'],
  ])('%s %s is %s / %s', (code, name, pinyin, initials) => {
    expect(byCode(code)).toMatchObject({ name, pinyin, initials })
  })
})

describe('coordinates', () => {
  it('puts every city inside China’s bounding box', () => {
    for (const c of all) {
      expect(c.lat, c.code).toBeGreaterThanOrEqual(3)
      expect(c.lat, c.code).toBeLessThanOrEqual(54)
      expect(c.lng, c.code).toBeGreaterThanOrEqual(73)
      expect(c.lng, c.code).toBeLessThanOrEqual(136)
    }
  })

  it.each([
    [22.54, 114.06, '440300', '深圳'],
    [31.23, 121.47, '310100', '上海'],
    [39.9, 116.4, '110100', '北京'],
    [30.57, 104.07, '510100', '成都'],
    [31.13, 104.4, '510600', '德阳'],
    [29.56, 106.55, '500100', '重庆'],
    [23.02, 113.75, '441900', '东莞'],
  ])('(%s, %s) is nearest to %s %s', (lat, lng, code, name) => {
    expect(nearestCity(all, lat, lng)?.city).toMatchObject({ code, name })
  })
})

describe('searching the real data', () => {
  it.each([
    ['cq', '500100'],
    ['chongqing', '500100'],
    ['重庆', '500100'],
    ['deyang', '510600'],
    ['德阳', '510600'],
    ['xiamen', '350200'],
    ['xm', '350200'],
  ])('%s finds %s first', (q, code) => {
    expect(searchCities(all, q)[0]?.code).toBe(code)
  })
})
