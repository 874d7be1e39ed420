import type { City, CityCode } from './city'

/** 热门城市 in the picker, in display order. */
export const HOT_CITY_CODES: readonly CityCode[] = [
  '110100', // 北京
  '310100', // 上海
  '440100', // 广州
  '440300', // 深圳
  '330100', // 杭州
  '510100', // 成都
  '500100', // 重庆
  '420100', // 武汉
  '610100', // 西安
  '320100', // 南京
  '430100', // 长沙
  '350200', // 厦门
]

/** The cities with these codes, in the codes' order; codes not in the list are skipped. */
export function pickCities(cities: readonly City[], codes: readonly CityCode[]): City[] {
  const byCode = new Map(cities.map((c) => [c.code, c]))
  return codes.flatMap((code) => {
    const city = byCode.get(code)
    return city ? [city] : []
  })
}

export interface CityLetterGroup {
  /** Upper-case first letter of the pinyin: "A" … "Z". */
  letter: string
  cities: City[]
}

/**
 * Cities grouped by the first letter of their pinyin for the A–Z list: letters
 * in alphabetical order, only those that have cities; within a letter by
 * pinyin, then code (so 朝阳 and 潮州 keep a stable order).
 */
export function groupCitiesByLetter(cities: readonly City[]): CityLetterGroup[] {
  const groups = new Map<string, City[]>()
  for (const city of cities) {
    const letter = city.pinyin.charAt(0).toUpperCase()
    if (!/^[A-Z]$/.test(letter)) continue
    const list = groups.get(letter)
    if (list) list.push(city)
    else groups.set(letter, [city])
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([letter, list]) => ({
      letter,
      cities: list.sort((a, b) => (a.pinyin < b.pinyin ? -1 : a.pinyin > b.pinyin ? 1 : a.code.localeCompare(b.code))),
    }))
}
