import type { ServiceItem } from './catalog'
import { KEY_INDUSTRIES, KEY_INDUSTRY_IDS, KEY_ITEMS, type KeyIndustry, type KeyItem } from './key-industry'

export interface Richness {
  /** Distinct key items available, out of `total`. */
  available: number
  total: number
  /** available / total, 0–1: the 重点行业丰富度 indicator. */
  share: number
  /** Per industry: which of its items are available. */
  industries: Array<{ industry: KeyIndustry; label: string; items: KeyItem[]; total: number }>
}

/**
 * Key-industry richness (02-services.md) of the services available in a city
 * (its own, its province's and national ones): the distinct key items they
 * provide, out of 21. An item provided by two services counts once.
 */
export function computeRichness(services: ReadonlyArray<{ items: readonly ServiceItem[] }>): Richness {
  const provided = new Set<string>()
  for (const service of services) for (const item of service.items) if (item.keyItem) provided.add(item.keyItem)
  const industries = KEY_INDUSTRY_IDS.map((industry) => {
    const all = KEY_INDUSTRIES[industry].items as readonly KeyItem[]
    return { industry, label: KEY_INDUSTRIES[industry].label, items: all.filter((i) => provided.has(i)), total: all.length }
  })
  const available = industries.reduce((n, i) => n + i.items.length, 0)
  return { available, total: KEY_ITEMS.length, share: available / KEY_ITEMS.length, industries }
}
