import type { CatalogService, DomainGroup, GroupedCatalog } from './catalog'
import { normalizeQuery } from './search-cities'
import type { PinyinKey } from './search-keys'
import { SYNONYM_PINYIN } from './search-synonym-pinyin'
import { SEARCH_SYNONYMS } from './search-synonyms'

/**
 * How a service matched a query; lower is better. The ranking, best first:
 *   nameExact      the name is the query                       公积金 → 公积金
 *   namePrefix     the name starts with it                     交通 → 交通违法
 *   nameContains   the name contains it                        挂号 → 预约挂号
 *   namePinyin     the name's full pinyin or initials, from its first syllable   jiaotong → 交通违法, gjj → 公积金
 *   namePinyinInner  the same from a later syllable            guahao → 预约挂号, sb → 广东社保服务
 *   synonym        an everyday word for what it offers, or its pinyin (search-synonyms.ts)   违章, weizhang → 交通违法
 *   item           one of its items (name, pinyin or initials)  驾驶证 → 车管业务 (驾驶证换证)
 *   domain         its domain's label or the label's pinyin    医疗, yiliao → 预约挂号
 *   summary        its one-line summary (Chinese text only)    罚款 → 交通违法
 * Within a rank 本地服务 come before 全国服务, then the catalog's own order
 * (domain, then name), so equal matches do not jump around between searches.
 */
export const SEARCH_RANK = {
  nameExact: 0,
  namePrefix: 1,
  nameContains: 2,
  namePinyin: 3,
  namePinyinInner: 4,
  synonym: 5,
  item: 6,
  domain: 7,
  summary: 8,
} as const
export type SearchRank = (typeof SEARCH_RANK)[keyof typeof SEARCH_RANK]

export interface SearchHit {
  service: CatalogService
  rank: SearchRank
  /** True for 本地服务 (city or province), false for 全国服务. */
  local: boolean
  /** The item that matched, to show why the service is listed (驾驶证 → 车管业务: 驾驶证换证). */
  item?: string
}

/** Pinyin is only compared for latin queries: the letters and digits a pinyin key holds. */
const LATIN = /^[a-z0-9]+$/

/**
 * Where the query meets a pinyin key: from its first syllable, from a later
 * one (only for two letters or more: one letter inside a name matches nearly
 * everything), or not at all. Full pinyin may stop mid-syllable (gongj).
 */
function matchPinyin(key: PinyinKey | undefined, q: string): 'start' | 'inner' | null {
  if (!key || !LATIN.test(q)) return null
  const syllables = key.pinyin.split(' ')
  const full = syllables.join('')
  if (full.startsWith(q) || key.initials.startsWith(q)) return 'start'
  if (q.length < 2) return null
  let at = 0
  for (const syllable of syllables.slice(0, -1)) {
    at += syllable.length
    if (full.startsWith(q, at)) return 'inner'
  }
  return key.initials.includes(q) ? 'inner' : null
}

/**
 * The everyday words whose full pinyin a latin query contains (chaweizhang →
 * 违章). A word inside a longer one that also matches is the longer one's
 * sound, not its own (jiaoshuifei holds jiaoshui, 交税): only the longer counts.
 */
function wordsByPinyin(q: string): Set<string> {
  if (!LATIN.test(q)) return new Set()
  const found = Object.entries(SYNONYM_PINYIN).filter(([, sound]) => q.includes(sound))
  return new Set(found.filter(([, sound]) => !found.some(([, other]) => other.length > sound.length && other.includes(sound))).map(([word]) => word))
}

/** The catalog's words for what the query names in everyday words, in Chinese or full pinyin (违章, weizhang → 交通违法), none for other queries. */
function synonymTerms(q: string): string[] {
  const byPinyin = wordsByPinyin(q)
  return SEARCH_SYNONYMS.filter((s) => s.words.some((w) => q.includes(w) || (q.length >= 2 && w.startsWith(q)) || byPinyin.has(w))).flatMap((s) => s.terms)
}

function rankService(service: CatalogService, group: DomainGroup, q: string, terms: readonly string[]): Omit<SearchHit, 'service' | 'local'> | null {
  const name = normalizeQuery(service.name)
  if (name === q) return { rank: SEARCH_RANK.nameExact }
  if (name.startsWith(q)) return { rank: SEARCH_RANK.namePrefix }
  if (name.includes(q)) return { rank: SEARCH_RANK.nameContains }
  const pinyin = matchPinyin(service.search?.name, q)
  if (pinyin) return { rank: pinyin === 'start' ? SEARCH_RANK.namePinyin : SEARCH_RANK.namePinyinInner }

  const hasTerm = (text: string) => terms.some((t) => text.includes(t))
  if (terms.length > 0) {
    if (hasTerm(service.name)) return { rank: SEARCH_RANK.synonym }
    const item = service.items.find((i) => hasTerm(i.name))
    if (item) return { rank: SEARCH_RANK.synonym, item: item.name }
    if (hasTerm(group.label)) return { rank: SEARCH_RANK.synonym }
  }

  const item = service.items.find((it, i) => normalizeQuery(it.name).includes(q) || matchPinyin(service.search?.items[i], q))
  if (item) return { rank: SEARCH_RANK.item, item: item.name }
  if (normalizeQuery(group.label).includes(q) || matchPinyin(group.search, q)) return { rank: SEARCH_RANK.domain }
  if (!LATIN.test(q) && normalizeQuery(service.summary).includes(q)) return { rank: SEARCH_RANK.summary }
  return null
}

/**
 * The city's services matching what the citizen typed, best first (see
 * SEARCH_RANK): by name, full pinyin and initials (from the catalog's search
 * keys, so no dictionary on the phone), everyday words, items, domain and
 * summary. Case, spaces and apostrophes do not matter. An empty query finds
 * nothing: the page then shows the whole catalog instead.
 */
export function searchCatalog(catalog: GroupedCatalog, query: string): SearchHit[] {
  const q = normalizeQuery(query)
  if (!q) return []
  const terms = synonymTerms(q)
  const hits: SearchHit[] = []
  for (const [groups, local] of [[catalog.local, true], [catalog.national, false]] as const) {
    for (const group of groups) {
      for (const service of group.services) {
        const match = rankService(service, group, q, terms)
        if (match) hits.push({ service, local, ...match })
      }
    }
  }
  // Stable: within a rank, local before national and catalog order, as collected.
  return hits.sort((a, b) => a.rank - b.rank)
}
