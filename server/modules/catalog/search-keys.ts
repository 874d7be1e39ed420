import { customPinyin, pinyin } from 'pinyin-pro'
import type { DomainGroup, GroupedCatalog } from '../../../src/domain/catalog'
import type { PinyinKey } from '../../../src/domain/search-keys'

/**
 * Service words pinyin-pro (3.x) reads wrongly (还 read hái as in 还是);
 * tested in tests/unit/catalog/search-keys.test.ts. Registered once, for
 * this process.
 */
const PINYIN_OVERRIDES: Record<string, string> = {
  还款: 'huán kuǎn',
  还贷: 'huán dài',
}
customPinyin(PINYIN_OVERRIDES)

const OPTIONS = { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true } as const

const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')

/**
 * The pinyin key of a text (src/domain/search-keys.ts): syllables without
 * tones, ü as v; a run of latin letters or digits stays one lower-cased
 * "syllable" (typed whole, so also whole in the initials); punctuation and
 * spaces are dropped.
 */
export function pinyinKey(text: string): PinyinKey {
  const syllables = pinyin(text, OPTIONS).map(clean)
  // Same segmentation as `syllables`; a latin run comes back whole.
  const firsts = pinyin(text, { ...OPTIONS, pattern: 'first' }).map(clean)
  const kept = syllables.flatMap((s, i) => (s === '' ? [] : [{ s, first: firsts[i] ?? s[0] ?? '' }]))
  return { pinyin: kept.map((k) => k.s).join(' '), initials: kept.map((k) => k.first).join('') }
}

function withKeys(group: DomainGroup): DomainGroup {
  return {
    ...group,
    search: pinyinKey(group.label),
    services: group.services.map((s) => ({ ...s, search: { name: pinyinKey(s.name), items: s.items.map((i) => pinyinKey(i.name)) } })),
  }
}

/**
 * The catalog with the pinyin search keys the app searches by: on each domain
 * group (its label) and each service (its name and items). Computed here, at
 * catalog build time, so the app ships no pinyin dictionary.
 */
export function addSearchKeys<T extends GroupedCatalog>(catalog: T): T {
  return { ...catalog, local: catalog.local.map(withKeys), national: catalog.national.map(withKeys) }
}
