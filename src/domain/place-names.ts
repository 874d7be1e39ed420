import { likeness } from './likeness'

/**
 * Matching a city as a report writes it (03-index.md, Demo history): 甘孜,
 * 甘孜州, 甘孜藏族自治州, 大兴安岭地区, 锡林郭勒盟, 深圳 or 深圳市, 四川省
 * 甘孜州, Shenzhen, or a GB/T 2260 code (513300, or 12 digits as in the
 * statistical division codes, 513300000000). What matches nothing comes with
 * the closest names to choose from.
 */

/** What the matcher needs of a city (City has all of it; only code and name are required). */
export interface NamedPlace {
  code: string
  name: string
  fullName?: string
  provinceName?: string
  pinyin?: string
}

/**
 * County-level places of GB/T 2260 that rankings list but the platform's
 * city list does not (01-product.md lists prefecture-level cities and the
 * province-administered county-level *cities*): Hainan's province-
 * administered counties and Hubei's 神农架林区. A row naming one is
 * recognised (it holds its rank in a top-N list) but is not one of ours.
 */
export const UNLISTED_PLACES: readonly NamedPlace[] = [
  { code: '429021', name: '神农架', fullName: '神农架林区', provinceName: '湖北省' },
  { code: '469021', name: '定安', fullName: '定安县', provinceName: '海南省' },
  { code: '469022', name: '屯昌', fullName: '屯昌县', provinceName: '海南省' },
  { code: '469023', name: '澄迈', fullName: '澄迈县', provinceName: '海南省' },
  { code: '469024', name: '临高', fullName: '临高县', provinceName: '海南省' },
  { code: '469025', name: '白沙', fullName: '白沙黎族自治县', provinceName: '海南省' },
  { code: '469026', name: '昌江', fullName: '昌江黎族自治县', provinceName: '海南省' },
  { code: '469027', name: '乐东', fullName: '乐东黎族自治县', provinceName: '海南省' },
  { code: '469028', name: '陵水', fullName: '陵水黎族自治县', provinceName: '海南省' },
  { code: '469029', name: '保亭', fullName: '保亭黎族苗族自治县', provinceName: '海南省' },
  { code: '469030', name: '琼中', fullName: '琼中黎族苗族自治县', provinceName: '海南省' },
]

/** Former names a report of the last decades may still use, and the city (code) that carries on under a new name. */
const FORMER_NAMES: Readonly<Record<string, string>> = {
  襄樊: '420600', // 襄阳 since 2010
  思茅: '530800', // 普洱 since 2007
}

const MUNICIPALITIES = new Set(['110100', '120100', '310100', '500100'])

/** Suffixes of administrative units a report may add to or drop from a short name (longest first). */
const UNIT_SUFFIX = /(?:(?:[\u4e00-\u9fff]{1,4}族){0,3}自治[州县]|特别行政区|自治区|地区|林区|[市州盟县省])$/u

/** A province name without its unit: 四川省 → 四川, 广西壮族自治区 → 广西, 北京市 → 北京. */
const provinceShort = (name: string) => name.replace(/(?:壮族|回族|维吾尔)?自治区$|省$|市$/u, '')

/** Full-width letters, digits and spaces as their ASCII forms; inner spaces and the middle dot dropped. */
function normalised(written: string): string {
  return written
    .normalize('NFKC')
    .replace(/[\s·・]/gu, '')
    .trim()
}

/** Lower-case letters only, without a trailing city/prefecture/league word: "Shen Zhen City" → "shenzhen". */
const latinKey = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '').replace(/(?:city|prefecture|league|region|shi)$/, '')

/** A city offered as a choice for a name that matched nothing. */
export interface PlaceSuggestion {
  code: string
  name: string
  fullName: string
}

export type PlaceMatch =
  /** One of our cities. */
  | { kind: 'city'; code: string }
  /** A GB/T 2260 place that is not on the platform's city list (UNLISTED_PLACES). */
  | { kind: 'unlisted'; code: string; fullName: string }
  /** Several of our cities answer to this spelling: the code decides. */
  | { kind: 'ambiguous'; codes: string[] }
  /** Nothing: the closest of our cities, best first (possibly none). */
  | { kind: 'none'; suggestions: PlaceSuggestion[] }

/** At most this many suggestions for a name that matched nothing. */
const MAX_SUGGESTIONS = 3
/** Names less alike than this are not offered. */
const MIN_LIKENESS = 0.5

/**
 * A matcher of written names against our cities: each city answers to its
 * short name and full name, each with or without 市, an autonomous
 * prefecture also to 〈short〉州 (甘孜州, 恩施州, 延边州), any prefecture to
 * 〈short〉地区 and 〈short〉盟 (as such places were written before they
 * became cities), its pinyin (any case, spaces ignored), a province name in
 * front (四川甘孜, 四川省甘孜州), and a few former names (襄樊). A 6-digit
 * code, or a 12-digit statistical code ending in six zeros, matches that
 * code. A name that fits no city comes with up to three of the most alike
 * (edit distance over the name with its unit suffix dropped; for a code,
 * the prefecture it lies in).
 */
export function placeMatcher(cities: readonly NamedPlace[], unlisted: readonly NamedPlace[] = UNLISTED_PLACES) {
  const byCode = new Map(cities.map((c) => [c.code, c]))
  const unlistedByCode = new Map(unlisted.map((c) => [c.code, c]))
  const spellings = new Map<string, Set<string>>()
  const add = (spelling: string, code: string) => spellings.set(spelling, (spellings.get(spelling) ?? new Set()).add(code))
  const variants = (c: NamedPlace): string[] => {
    const full = c.fullName ?? c.name
    const names = [c.name, full]
    if (/自治州$/u.test(full)) names.push(`${c.name}州`)
    if (!MUNICIPALITIES.has(c.code)) names.push(`${c.name}地区`)
    if (c.code.startsWith('15')) names.push(`${c.name}盟`)
    if (/县$/u.test(full)) names.push(`${c.name}县`)
    return names.flatMap((n) => {
      const bare = n.endsWith('市') ? n.slice(0, -1) : n
      return [n, bare, `${bare}市`]
    })
  }
  for (const c of cities) for (const v of variants(c)) add(normalised(v), c.code)
  const unlistedSpellings = new Map<string, string>()
  for (const c of unlisted) for (const v of variants(c).map(normalised)) if (!spellings.has(v)) unlistedSpellings.set(v, c.code)
  const byLatin = new Map<string, Set<string>>()
  for (const c of cities) if (c.pinyin) byLatin.set(latinKey(c.pinyin), (byLatin.get(latinKey(c.pinyin)) ?? new Set()).add(c.code))
  const provinces = [...new Set(cities.flatMap((c) => (c.provinceName ? [c.provinceName, provinceShort(c.provinceName)] : [])))].sort((a, b) => b.length - a.length)

  const suggestion = (c: NamedPlace): PlaceSuggestion => ({ code: c.code, name: c.name, fullName: c.fullName ?? c.name })
  const found = (codes: Set<string> | undefined): PlaceMatch | undefined => {
    if (!codes || codes.size === 0) return undefined
    return codes.size === 1 ? { kind: 'city', code: [...codes][0]! } : { kind: 'ambiguous', codes: [...codes].sort() }
  }
  const unlistedMatch = (code: string | undefined): PlaceMatch | undefined => {
    const u = code === undefined ? undefined : unlistedByCode.get(code)
    return u ? { kind: 'unlisted', code: u.code, fullName: u.fullName ?? u.name } : undefined
  }

  /** The names most like the written one, best first. */
  function suggestionsFor(written: string): PlaceSuggestion[] {
    const w = written.replace(UNIT_SUFFIX, '') || written
    const latin = latinKey(written)
    return cities
      .map((c) => {
        const asWritten = Math.max(likeness(w, c.name), likeness(written, c.fullName ?? c.name))
        const asLatin = latin.length >= 3 && c.pinyin ? likeness(latin, latinKey(c.pinyin)) : 0
        return { c, score: Math.max(asWritten, asLatin) }
      })
      .filter((s) => s.score >= MIN_LIKENESS)
      .sort((a, b) => b.score - a.score || a.c.code.localeCompare(b.c.code))
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => suggestion(s.c))
  }

  /** The cities whose code is one digit away, or the prefecture a county or district code lies in. */
  function suggestionsForCode(code: string): PlaceSuggestion[] {
    const prefecture = byCode.get(`${code.slice(0, 4)}00`)
    const near = cities.filter((c) => c !== prefecture && [...c.code].filter((d, i) => d !== code[i]).length === 1)
    return [...(prefecture ? [prefecture] : []), ...near].slice(0, MAX_SUGGESTIONS).map(suggestion)
  }

  return function match(writtenRaw: string): PlaceMatch {
    const written = normalised(writtenRaw)
    const code = /^\d{6}$/.test(written) ? written : /^\d{6}0{6}$/.test(written) ? written.slice(0, 6) : undefined
    if (code !== undefined) {
      if (byCode.has(code)) return { kind: 'city', code }
      return unlistedMatch(code) ?? { kind: 'none', suggestions: suggestionsForCode(code) }
    }
    const direct = found(spellings.get(written)) ?? unlistedMatch(unlistedSpellings.get(written))
    if (direct) return direct
    // 四川甘孜, 四川省甘孜州: a province in front of a name that matches by itself.
    const province = provinces.find((p) => written.startsWith(p) && written.length > p.length)
    const rest = province === undefined ? undefined : written.slice(province.length)
    const withoutProvince = rest === undefined ? undefined : (found(spellings.get(rest)) ?? unlistedMatch(unlistedSpellings.get(rest)))
    if (withoutProvince) return withoutProvince
    const former = FORMER_NAMES[written.replace(/市$/u, '')]
    if (former && byCode.has(former)) return { kind: 'city', code: former }
    if (/^[a-z\s'-]+$/i.test(written)) {
      const latin = found(byLatin.get(latinKey(written)))
      if (latin) return latin
    }
    return { kind: 'none', suggestions: suggestionsFor(rest ?? written) }
  }
}

/** A suggestion as a person reads it: 甘孜（甘孜藏族自治州，513300）. */
export function suggestionText(s: PlaceSuggestion): string {
  return s.fullName === s.name ? `${s.name}（${s.code}）` : `${s.name}（${s.fullName}，${s.code}）`
}
