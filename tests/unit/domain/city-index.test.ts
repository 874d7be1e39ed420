import { describe, expect, it } from 'vitest'
import { ANSHAN, BEIJING, CHAOZHOU, CHONGQING, DEYANG, SHENZHEN } from '../helpers/cities'
import { groupCitiesByLetter, HOT_CITY_CODES, pickCities } from '../../../src/domain/city-index'

describe('HOT_CITY_CODES', () => {
  it('lists the twelve hot cities once each', () => {
    expect(HOT_CITY_CODES).toHaveLength(12)
    expect(new Set(HOT_CITY_CODES).size).toBe(12)
    expect(HOT_CITY_CODES[0]).toBe('110100')
    expect(HOT_CITY_CODES).toContain('350200')
  })
})

describe('pickCities', () => {
  it('returns the cities in the order of the codes, skipping unknown codes', () => {
    expect(pickCities([DEYANG, SHENZHEN, BEIJING], ['110100', '999999', '440300'])).toEqual([BEIJING, SHENZHEN])
  })
})

describe('groupCitiesByLetter', () => {
  it('groups by the first pinyin letter, letters A–Z, cities by pinyin', () => {
    const groups = groupCitiesByLetter([SHENZHEN, DEYANG, CHONGQING, BEIJING, CHAOZHOU, ANSHAN])
    expect(groups.map((g) => g.letter)).toEqual(['A', 'B', 'C', 'D', 'S'])
    expect(groups.find((g) => g.letter === 'C')?.cities.map((c) => c.name)).toEqual(['潮州', '重庆'])
  })

  it('gives no groups for no cities', () => {
    expect(groupCitiesByLetter([])).toEqual([])
  })
})
