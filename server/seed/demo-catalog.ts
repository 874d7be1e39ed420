import { readFileSync } from 'node:fs'
import type { CatalogService, Coverage, ServiceItem } from '../../src/domain/catalog'
import type { City } from '../../src/domain/city'
import type { MiniProgramTarget } from '../../src/domain/service-access'
import type { NewAgency } from '../modules/agencies/repository'
import type { NewService } from '../modules/catalog/repository'
import { type AnyContract, CONTRACTS, type DemoTemplate } from '../contracts'
import { stableHash } from './stable-hash'

/**
 * The demo catalog: national services every city shows, province-wide services
 * in most provinces, and local services whose number follows a city's rank in
 * the 2016 "Internet+ smart city" sub-index, so the richest cities look rich;
 * below the top 15, web-view services offer only some of their key items.
 * Deterministic: the same cities give the same catalog.
 */
export interface DemoCatalog {
  agencies: NewAgency[]
  services: NewService[]
}

type ItemSpec = DemoTemplate['items'][number]
interface Template extends DemoTemplate {
  contract: string
}
/** A tile, or the key of a typed contract's tile (its descriptor's demo template) to place here. */
type Slot = Template | string

const q = 'query' as const
const t = 'transaction' as const

// Local templates in the order cities receive them: a city of rank r gets the first localCount(r).
const LOCAL_SLOTS: Slot[] = [
  'traffic',
  'hospital',
  'housing-fund',
  'social-security',
  { key: 'bus', name: '实时公交', summary: '公交到站、线路查询、乘车码', icon: 'bus', domain: 'public-transport', type: 'travel', contract: 'webview', agency: '公共交通集团',
    items: [['公交到站查询', q], ['乘车码', t]] },
  { key: 'vehicle', name: '车管业务', summary: '机动车检验预约、驾驶证换证、选号', icon: 'vehicle', domain: 'vehicle', type: 'vehicle', contract: 'webview', agency: '公安局车辆管理所',
    items: [['机动车检验预约', t, '机动车检验预约'], ['驾驶证换证', t, '驾驶证换证'], ['车辆信息查询', q, '车辆信息查询'], ['机动车选号', t, '机动车选号']] },
  { key: 'utilities', name: '生活缴费', summary: '水费、电费、燃气费在线缴纳', icon: 'utilities', domain: 'utilities', type: 'life', contract: 'webview', agency: '公用事业服务中心',
    items: [['水费缴纳', t], ['燃气费缴纳', t], ['账单查询', q]] },
  { key: 'household', name: '户政办事', summary: '居住证、户籍业务预约与进度', icon: 'household', domain: 'household', type: 'government', contract: 'webview', agency: '公安局户政管理处',
    items: [['居住证办理', t], ['户籍业务预约', t], ['办理进度查询', q]] },
  { key: 'accident', name: '事故快处', summary: '轻微事故在线快撤快赔、随手拍', icon: 'traffic', domain: 'traffic', type: 'vehicle', contract: 'webview', agency: '公安局交通警察支队事故处',
    items: [['事故快撤快赔', t, '事故快撤快赔'], ['随手拍举报', t, '随手拍举报']] },
  { key: 'parking', name: '停车缴费', summary: '路内停车查询与缴费', icon: 'mobility', domain: 'mobility', type: 'travel', contract: 'webview', agency: '城市交通运输局',
    items: [['停车记录查询', q], ['停车费缴纳', t]] },
  { key: 'library', name: '图书馆', summary: '借阅查询、续借、讲座预约', icon: 'culture', domain: 'culture', type: 'life', contract: 'webview', agency: '图书馆',
    items: [['借阅查询', q], ['图书续借', t], ['活动预约', t]] },
  { key: 'school', name: '入学报名', summary: '义务教育入学报名与结果查询', icon: 'education', domain: 'education', type: 'government', contract: 'webview', agency: '教育局',
    items: [['入学报名', t], ['录取结果查询', q]] },
  { key: 'air', name: '空气质量', summary: '实时空气质量与污染源信息', icon: 'environment', domain: 'environment', type: 'life', contract: 'webview', agency: '生态环境局',
    items: [['空气质量查询', q]] },
  { key: 'metro', name: '地铁乘车码', summary: '扫码进出站、行程与发票', icon: 'bus', domain: 'public-transport', type: 'travel', contract: 'miniprogram', agency: '轨道交通集团',
    items: [['地铁乘车码', t], ['乘车记录查询', q]] },
]

const NATIONAL_SLOTS: Slot[] = [
  { key: 'weather', name: '天气', summary: '实况天气、七天预报、预警信息', icon: 'weather', domain: 'weather', type: 'life', contract: 'webview', agency: '中国气象局公共气象服务中心',
    items: [['实况天气', q], ['七天预报', q], ['气象预警', q]] },
  { key: 'heatmap', name: '城市热力图', summary: '商圈、景点与交通枢纽的实时人流热度', icon: 'mobility', domain: 'mobility', type: 'travel', contract: 'webview', agency: '城市出行大数据中心',
    items: [['实时人流热力', q]] },
  { key: 'exit-entry', name: '出入境', summary: '护照、港澳台通行证办理与进度查询', icon: 'exit-entry', domain: 'exit-entry', type: 'government', contract: 'webview', agency: '国家移民管理局',
    items: [['办证进度查询', q], ['港澳通行证再签注', t], ['出入境证件预约', t]] },
  { key: 'tax', name: '个人所得税', summary: '收入纳税明细查询、年度汇算', icon: 'tax', domain: 'tax', type: 'government', contract: 'webview', agency: '国家税务总局',
    items: [['纳税记录查询', q], ['年度汇算', t]] },
  // The platform's own agencies: real-name checks and payments behind every service (not tiles in the catalog).
  'identity',
  'pay',
  { key: 'railway', name: '铁路购票', summary: '火车票余票查询、购票、改签与退票', icon: 'mobility', domain: 'mobility', type: 'travel', contract: 'miniprogram', agency: '中国国家铁路集团有限公司',
    items: [['余票查询', q], ['购票改签', t]] },
  { key: 'anti-fraud', name: '反诈预警', summary: '可疑电话、短信与网址识别，诈骗举报', icon: 'household', domain: 'household', type: 'government', contract: 'miniprogram', agency: '公安部刑事侦查局',
    items: [['可疑号码查询', q], ['诈骗举报', t]] },
  { key: 'legal-aid', name: '法律服务', summary: '12348 法律咨询与法律援助申请', icon: 'justice', domain: 'justice', type: 'government', contract: 'webview', agency: '司法部公共法律服务中心',
    items: [['法律咨询', q], ['法律援助申请', t]] },
]

/**
 * The slots with the typed contracts' tiles of this audience filled in: a
 * typed tile takes the slot with its key, else replaces the web-view tile
 * with its key, else comes last.
 */
function withTypedTiles(slots: readonly Slot[], audience: AnyContract['audience']): Template[] {
  const typed = new Map<string, Template>(
    CONTRACTS.filter((c) => c.audience === audience).map((c) => [c.demo.template.key, { ...c.demo.template, contract: c.id }]),
  )
  const placed = slots.map((slot) => {
    const key = typeof slot === 'string' ? slot : slot.key
    const tile = typed.get(key) ?? slot
    if (typeof tile === 'string') throw new Error(`no typed contract has the demo tile ${tile}`)
    typed.delete(key)
    return tile
  })
  return [...placed, ...typed.values()]
}

const LOCAL = withTypedTiles(LOCAL_SLOTS, 'citizen')
const NATIONAL = withTypedTiles(NATIONAL_SLOTS, 'platform')

// Provinces without a province-wide service show the empty state for cities with no local ones either.
const PROVINCES_WITHOUT_SERVICE = new Set(['54', '63', '64'])

/** How many local templates a city of this rank gets (0 for unranked cities). */
function localCount(rank: number | undefined): number {
  if (rank === undefined) return 0
  if (rank <= 15) return LOCAL.length
  if (rank <= 40) return 9
  if (rank <= 70) return 5
  return 2
}

/**
 * The key-industry items (02-services.md) a web-view service of this city or
 * province offers: as in reality, not every agency offers every item (a
 * smaller city's 车管 may not book inspections online, a province's 社保 may
 * have no 电子社保卡 yet), so richness differs between cities of one rank.
 * Each key item after the service's first stays with probability `keep`,
 * stable per service id; other items always stay.
 */
function withSomeKeyItems(tpl: Template, serviceId: string, keep: number): Template {
  if (keep >= 1 || tpl.contract !== 'webview') return tpl
  let seenKey = false
  const items = tpl.items.filter(([, , keyItem]) => {
    if (!keyItem) return true
    const first = !seenKey
    seenKey = true
    return first || stableHash(`${serviceId}|${keyItem}`) % 100 < keep * 100
  })
  return { ...tpl, items }
}

/** The share of a city's web-view key items kept, by rank: the top cities offer everything. */
function keyItemShare(rank: number | undefined): number {
  if (rank !== undefined && rank <= 15) return 1
  return 0.6
}

/** 1–5 stars, stable per service id, skewed towards good services as in a reviewed catalog. */
function demoStars(id: string): number {
  return [5, 5, 4, 4, 4, 3, 3, 2][stableHash(id) % 8]!
}

function toItems(serviceId: string, specs: ItemSpec[]): ServiceItem[] {
  return specs.map(([name, kind, keyItem], i) => ({ id: `${serviceId}-${i + 1}`, name, kind, ...(keyItem ? { keyItem } : {}) }))
}

function build(id: string, tpl: Template, coverage: Coverage, agencyId: string, namePrefix = ''): NewService {
  const service: Omit<CatalogService, 'stars'> = {
    id, name: namePrefix + tpl.name, summary: tpl.summary, icon: tpl.icon, domain: tpl.domain, type: tpl.type,
    coverage, items: toItems(id, tpl.items), contract: tpl.contract,
  }
  const endpoint = tpl.contract === 'webview' ? `https://${id}.services.example.cn/h5/` : null
  const miniprogram = tpl.contract === 'miniprogram' ? { miniprogram: demoMiniProgram(id) } : {}
  return { ...service, ...miniprogram, agencyId, endpoint, status: 'listed', stars: demoStars(id) }
}

/** A made-up but well-formed mini-program (appId "wx" + 16 hex digits), stable per service id. */
function demoMiniProgram(id: string): MiniProgramTarget {
  const hex = (text: string) => stableHash(text).toString(16).padStart(8, '0')
  return { appId: `wx${hex(id)}${hex(`${id}#app`)}`, path: 'pages/index/index?from=onecity' }
}

/** Reads the published top-100 ranking: city name → rank. */
export function readTop100(): Map<string, number> {
  const csv = readFileSync(new URL('../reference/internet-plus-2016-city-top100.csv', import.meta.url), 'utf8')
  const ranks = new Map<string, number>()
  for (const line of csv.trim().split('\n').slice(1)) {
    const [rank, name] = line.split(',')
    if (rank && name) ranks.set(name.trim(), Number(rank))
  }
  return ranks
}

export function buildDemoCatalog(cities: readonly City[], ranks = readTop100()): DemoCatalog {
  const agencies: NewAgency[] = []
  const services: NewService[] = []
  const pinyinCount = new Map<string, number>()
  for (const c of cities) pinyinCount.set(c.pinyin, (pinyinCount.get(c.pinyin) ?? 0) + 1)
  // 福州/抚州 and 苏州/宿州 share a pinyin; their slugs carry the code.
  const slug = (c: City) => (pinyinCount.get(c.pinyin)! > 1 ? `${c.pinyin}${c.code}` : c.pinyin)

  for (const tpl of NATIONAL) {
    const agencyId = `cn-${tpl.key}`
    agencies.push({ id: agencyId, name: tpl.agency, region: 'national', domains: [tpl.domain] })
    services.push(build(`cn-${tpl.key}`, tpl, { level: 'national' }, agencyId))
  }

  const provinces = new Map<string, string>()
  for (const c of cities) provinces.set(c.provinceCode, c.provinceName)
  const provinceTpl = LOCAL.find((tpl) => tpl.key === 'social-security')!
  for (const [code, name] of [...provinces].sort()) {
    if (PROVINCES_WITHOUT_SERVICE.has(code)) continue
    const agencyId = `p${code}-hrss`
    agencies.push({ id: agencyId, name: `${name}人力资源和社会保障厅`, region: code, domains: ['social-security'] })
    const short = name.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '')
    const id = `p${code}-social-security`
    services.push(build(id, withSomeKeyItems({ ...provinceTpl, contract: 'webview' }, id, 0.6), { level: 'province', code }, agencyId, `${short}`))
  }

  for (const city of cities) {
    const rank = ranks.get(city.name)
    const templates = LOCAL.slice(0, localCount(rank))
    for (const tpl of templates) {
      const id = `${slug(city)}-${tpl.key}`
      agencies.push({ id, name: `${city.fullName}${tpl.agency}`, region: city.code, domains: [tpl.domain] })
      services.push(build(id, withSomeKeyItems(tpl, id, keyItemShare(rank)), { level: 'city', code: city.code }, id))
    }
  }
  return { agencies, services }
}
