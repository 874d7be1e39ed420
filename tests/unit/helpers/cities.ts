import type { City } from '../../../src/domain/city'

function city(code: string, name: string, pinyin: string, initials: string, provinceName: string, lat: number, lng: number): City {
  return {
    code,
    name,
    fullName: name + '市',
    provinceCode: code.slice(0, 2),
    provinceName,
    pinyin,
    initials,
    kind: code.startsWith('11') || code.startsWith('50') ? 'municipality' : 'prefecture',
    lat,
    lng,
  }
}

export const BEIJING = city('110100', '北京', 'beijing', 'bj', '北京市', 39.9, 116.4)
export const SHENZHEN = city('440300', '深圳', 'shenzhen', 'sz', '广东省', 22.54, 114.06)
export const DEYANG = city('510600', '德阳', 'deyang', 'dy', '四川省', 31.13, 104.4)
export const CHONGQING = city('500100', '重庆', 'chongqing', 'cq', '重庆市', 29.56, 106.55)
export const CHAOZHOU = city('445100', '潮州', 'chaozhou', 'cz', '广东省', 23.66, 116.62)
export const ANSHAN = city('210300', '鞍山', 'anshan', 'as', '辽宁省', 41.1, 122.99)
