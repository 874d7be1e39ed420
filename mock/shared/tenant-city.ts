import { readFileSync } from 'node:fs'
import type { City } from '../../src/domain/city'

export type TenantCity = Pick<City, 'code' | 'name' | 'fullName' | 'provinceName'>

let cities: City[] | undefined
const DEYANG: TenantCity = { code: '510600', name: '德阳', fullName: '德阳市', provinceName: '四川省' }

/**
 * The city a demo tenant serves: city tenant ids are `<city slug>-<service
 * key>` (demo-catalog.ts), the slug being the city's pinyin, with its code
 * when two cities share one (suzhou320500-hospital). Any other tenant serves
 * 德阳, the report's model city.
 */
export function cityOfTenant(tenantId = '', serviceKey: string): TenantCity {
  cities ??= JSON.parse(readFileSync(new URL('../../server/reference/cities.json', import.meta.url), 'utf8')) as City[]
  const suffix = `-${serviceKey}`
  if (!tenantId.endsWith(suffix)) return DEYANG
  const slug = tenantId.slice(0, -suffix.length)
  return cities.find((c) => c.pinyin === slug || `${c.pinyin}${c.code}` === slug) ?? DEYANG
}

/** Employers a city's people work for, named after the city. */
export function employersOf(city: TenantCity): string[] {
  const { name, fullName } = city
  return [
    `${fullName}第一中学`,
    `${fullName}人民医院`,
    `${fullName}城市建设投资有限公司`,
    `${name}农村商业银行股份有限公司`,
    `国网${name}供电公司`,
    `中国移动通信集团${name}分公司`,
    `${fullName}市场监督管理局`,
    `${name}公共交通集团有限公司`,
    `${fullName}自来水有限公司`,
    `${name}日报社`,
  ]
}
