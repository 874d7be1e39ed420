import type { CityCode, ProvinceCode } from './city'
import type { PinyinKey, ServiceSearchKeys } from './search-keys'
import type { MiniProgramTarget, ServiceAvailability } from './service-access'

/** Service domains (02-services.md), in the order the home page shows them. */
export const DOMAINS = {
  traffic: '交管',
  vehicle: '车管',
  mobility: '交通出行',
  'public-transport': '公共交通',
  'exit-entry': '出入境',
  'social-security': '人社',
  medical: '医疗',
  'housing-fund': '公积金',
  tax: '税务',
  utilities: '生活缴费',
  justice: '司法',
  household: '户证治安',
  culture: '文化生活',
  education: '教育',
  weather: '气象',
  environment: '环保',
  other: '其他',
} as const
export type Domain = keyof typeof DOMAINS
export const DOMAIN_IDS = Object.keys(DOMAINS) as Domain[]

/** The four service types of the 2016 report. */
export const SERVICE_TYPES = { life: '生活服务', government: '政务办事', vehicle: '车辆服务', travel: '交通出行' } as const
export type ServiceType = keyof typeof SERVICE_TYPES
export const SERVICE_TYPE_IDS = Object.keys(SERVICE_TYPES) as ServiceType[]

/** query 查询 counts 1 in service value, transaction 办理 counts 3 (03-index.md). */
export type ItemKind = 'query' | 'transaction'
export const ITEM_KINDS: readonly ItemKind[] = ['query', 'transaction']

/** Where a service is available: one city, every city of a province, or every city. */
export type Coverage =
  | { level: 'city'; code: CityCode }
  | { level: 'province'; code: ProvinceCode }
  | { level: 'national' }

export interface ServiceItem {
  id: string
  name: string
  kind: ItemKind
  /** Name of the key-industry item it provides (02-services.md richness list), if any. */
  keyItem?: string
}

export type ServiceStatus = 'draft' | 'in-review' | 'listed' | 'rejected' | 'suspended'

/** Stable slug: lower-case letters, digits and dashes. */
export type ServiceId = string

/** What a citizen sees as one tile, as the catalog returns it. */
export interface CatalogService {
  id: ServiceId
  name: string
  summary: string
  icon: string
  domain: Domain
  type: ServiceType
  coverage: Coverage
  items: ServiceItem[]
  /** How it opens: a typed contract (traffic@1…) opens the app's own pages; webview and miniprogram open the agency's. */
  contract: string
  /** 1–5 from the latest quality review; null before the first review. */
  stars: number | null
  /** Pinyin of the name and items, added by the catalog answer for search (absent elsewhere). */
  search?: ServiceSearchKeys
  /** A webview service's agency page (the app adds the city). */
  webview?: { url: string }
  /** The mini-program a miniprogram service opens (the app adds the city to the path). */
  miniprogram?: MiniProgramTarget
  /** Open, 维护中 or 暂停服务 when the catalog was read; absent means open. */
  availability?: ServiceAvailability
}

/** A service's coverage from its two stored columns (level, and the city or province code). */
export const toCoverage = (level: Coverage['level'], code: string | null): Coverage =>
  level === 'national' ? { level } : { level, code: code ?? '' }

/** True when a service with this coverage is available to citizens of the city. */
export function coversCity(coverage: Coverage, city: CityCode): boolean {
  switch (coverage.level) {
    case 'national':
      return true
    case 'province':
      return city.slice(0, 2) === coverage.code
    case 'city':
      return city === coverage.code
  }
}

/** 本地服务 are those of the city or its province; 全国服务 are national. */
export function isLocal(coverage: Coverage): boolean {
  return coverage.level !== 'national'
}

export interface DomainGroup {
  domain: Domain
  label: string
  services: CatalogService[]
  /** Pinyin of the label, added by the catalog answer for search. */
  search?: PinyinKey
}

export interface GroupedCatalog {
  local: DomainGroup[]
  national: DomainGroup[]
}

/**
 * Groups services for the home page: 本地服务 before 全国服务, each split by
 * domain in DOMAINS order, services by name within a domain.
 */
export function groupCatalog(services: readonly CatalogService[]): GroupedCatalog {
  const group = (list: CatalogService[]): DomainGroup[] =>
    DOMAIN_IDS.map((domain) => ({
      domain,
      label: DOMAINS[domain],
      services: list.filter((s) => s.domain === domain).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN')),
    })).filter((g) => g.services.length > 0)
  return {
    local: group(services.filter((s) => isLocal(s.coverage))),
    national: group(services.filter((s) => !isLocal(s.coverage))),
  }
}
