/** GB/T 2260 administrative code, 6 digits (e.g. "510600" 德阳). */
export type CityCode = string
/** First two digits of a CityCode (e.g. "51" 四川). */
export type ProvinceCode = string

/**
 * A city a citizen can pick: a prefecture-level city, a municipality, or a
 * province-administered county-level city (kind "county").
 */
export interface City {
  code: CityCode
  /** Short name as people say it: 德阳, 甘孜, 北京 */
  name: string
  /** Official full name: 德阳市, 甘孜藏族自治州 */
  fullName: string
  provinceCode: ProvinceCode
  provinceName: string
  /** Lower-case full pinyin of the short name without tones or spaces: "deyang" */
  pinyin: string
  /** Lower-case pinyin initials of the short name: "dy" */
  initials: string
  kind: 'municipality' | 'prefecture' | 'county'
  /** Centre point, WGS-84-ish degrees, for nearest-city */
  lat: number
  lng: number
}

/** Province code of a city code. */
export function provinceOf(code: CityCode): ProvinceCode {
  return code.slice(0, 2)
}

/** True when the string has the shape of a city code (6 digits). */
export function isCityCode(value: string): boolean {
  return /^\d{6}$/.test(value)
}
