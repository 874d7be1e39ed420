import { DOMAINS, SERVICE_TYPES } from '../../../src/domain/catalog'
import { INDICATOR_LABELS } from '../../../src/domain/indicator-labels'
import { INDICATORS, type Indicator } from '../../../src/domain/smart-index'
import type { Analyses } from './stats-service'
import type { indexAnswer } from './index-answer'
import type { AgencyStatsMonthT } from '../../../src/api/agency-stats'

type Cell = string | number | null
const SUPPRESSED = '<k'

/**
 * How numbers are written for people (docs/statistics.md, "CSV"): counts as
 * whole numbers (MAU and users are means over months, rounded); rates and
 * shares in percent with 2 decimals (the header says %); an indicator's share
 * of the national total and the index itself in percent with 4 decimals, as
 * the 2016 report prints the index; stars with 2 decimals; ratios with 2.
 * A withheld figure is `<k`, never an empty cell that sums as 0; a figure
 * with no data is empty.
 */
export const CSV_PRECISION = { percentDecimals: 2, indexDecimals: 4, starsDecimals: 2, ratioDecimals: 2 } as const

/** A withheld figure reads as withheld in a spreadsheet; otherwise the number as `format` writes it. */
const shown = (v: number | null, format: (n: number) => Cell, suppressed = v === null): Cell => (suppressed ? SUPPRESSED : v === null ? null : format(v))
/** A figure that is null when there is no data (not withheld): empty. */
const orEmpty = (v: number | null, format: (n: number) => Cell): Cell => (v === null ? null : format(v))

/** A count, rounded to a whole number. */
export const count = (n: number): number => Math.round(n)
/** A 0–1 rate or share in percent with 2 decimals: 0.33333 → "33.33". */
export const percent = (rate: number): string => (rate * 100).toFixed(CSV_PRECISION.percentDecimals)
/** A figure already in percent of the national total (the index, an indicator's share × 100) with 4 decimals. */
const points = (p: number): string => p.toFixed(CSV_PRECISION.indexDecimals)
const decimals = (digits: number) => (n: number) => n.toFixed(digits)

/** Each indicator's raw value as written in CSV, with the unit its header names. */
const INDICATOR_CSV: Record<Indicator, { unit: string; en: string; format: (n: number) => Cell }> = {
  value: { unit: '', en: 'value', format: count },
  stars: { unit: '', en: 'stars', format: decimals(CSV_PRECISION.starsDecimals) },
  mau: { unit: '', en: 'mau', format: count },
  returnRate: { unit: ' %', en: 'return_rate_pct', format: percent },
  failureRate: { unit: ' %', en: 'failure_rate_pct', format: percent },
  richness: { unit: ' %', en: 'richness_pct', format: percent },
}

/** The reasons of a row's plausibility flags in one cell (months first); empty when none. */
const flagsCell = (flags: readonly { month: string; reason: string }[]): Cell => (flags.length === 0 ? null : flags.map((f) => `${f.month}: ${f.reason}`).join('; '))

/** An indicator key as a CSV column key: returnRate → return_rate. */
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

const typeLabel = (t: string) => (SERVICE_TYPES as Record<string, string>)[t] ?? t
const domainLabel = (d: string) => (DOMAINS as Record<string, string>)[d] ?? d

/**
 * Each statistics answer as CSV rows: a header row first, every column named
 * in Chinese then English, no two columns alike in either language; then
 * the rows, numbers written as CSV_PRECISION says.
 */
export const csvTables = {
  agencyService: (rows: AgencyStatsMonthT[]): Cell[][] => [
    ['月份 month', '活跃用户 actives', '回流率 % return_rate_pct', '未计入城市 cities_withheld', '打开 opens', '提交 submits', '成功 successes', '出错 errors', '计时次数 timed', '耗时中位上限 ms p50_le_ms', '耗时95分位上限 ms p95_le_ms', '故障率 % failure_rate_pct'],
    ...rows.map((r) => [
      r.month, shown(r.actives, count), shown(r.returnRate, percent), r.citiesWithheld,
      shown(r.opens, count), shown(r.submits, count), shown(r.successes, count), shown(r.errors, count), shown(r.timed, count),
      // No timed interaction at all is no data (empty), not a withheld figure.
      r.timed === null ? null : shown(r.latencyP50Ms, count), r.timed === null ? null : shown(r.latencyP95Ms, count),
      orEmpty(r.failureRate, percent),
    ]),
  ],
  activity: (rows: { month: string; actives: number | null; returning: number | null; first: number | null; returnRate: number | null; suppressed: boolean; flags: { month: string; reason: string }[] }[]): Cell[][] => [
    ['月份 month', '活跃用户 actives', '回流用户 returning', '首次使用 first', '回流率 % return_rate_pct', '存疑说明 plausibility_note'],
    ...rows.map((r) => [
      r.month,
      shown(r.actives, count),
      shown(r.returning, count),
      shown(r.first, count),
      // A flagged month's rate is withheld as implausible, not as a small cell: the note says why.
      r.flags.length > 0 ? null : shown(r.returnRate, percent, r.returnRate === null && r.suppressed),
      flagsCell(r.flags),
    ]),
  ],
  index: (rows: ReturnType<typeof indexAnswer>['rows']): Cell[][] => [
    [
      '排名 rank',
      '代码 code',
      '名称 name',
      '省份 province',
      '指数 % index_pct',
      ...INDICATORS.flatMap((j) => [
        `${INDICATOR_LABELS[j]}${INDICATOR_CSV[j].unit} ${INDICATOR_CSV[j].en}`,
        `${INDICATOR_LABELS[j]}占全国 % ${snake(j)}_share_pct`,
        `${INDICATOR_LABELS[j]}排名 ${snake(j)}_rank`,
      ]),
      '存疑说明 plausibility_note',
    ],
    ...rows.map((r) => [
      r.rank,
      r.code,
      r.name,
      r.province.name,
      points(r.index),
      ...INDICATORS.flatMap((j) => {
        const c = r.indicators[j]
        return [shown(c.value, INDICATOR_CSV[j].format, c.suppressed), points(c.share * 100), c.rank]
      }),
      flagsCell(r.flags),
    ]),
  ],
  domains: (rows: Analyses['domains']['rows']): Cell[][] => [
    ['领域 domain', '名称 label', '月活跃用户 mau', '用户占比 % share_pct', '回流率 % return_rate_pct', '服务数 services', '城市数 cities', '象限 quadrant'],
    ...rows.map((r) => [r.domain, r.label, count(r.mau), orEmpty(r.share, percent), orEmpty(r.returnRate, percent), r.richness, r.cities, r.quadrant]),
  ],
  types: (rows: Analyses['types']): Cell[][] => [
    ['类型 type', '名称 label', '用户 users', '用户占比 % share_pct', '回流用户 returning', '回流用户占比 % returning_share_pct', '回流率 % return_rate_pct'],
    ...rows.map((r) => [r.type, r.label, count(r.users), orEmpty(r.share, percent), count(r.returning), orEmpty(r.returningShare, percent), orEmpty(r.returnRate, percent)]),
  ],
  localNational: (s: Analyses['localNational']): Cell[][] => [
    ['范围 scope', '名称 label', '用户 users', '用户占比 % share_pct', '服务数 services', '每项服务用户 users_per_service', '回流用户占比 % returning_share_pct', '回流率 % return_rate_pct', '每项服务用户之比 per_service_ratio'],
    ...(['local', 'national'] as const).map((side) => {
      const x = s[side]
      return [
        side,
        side === 'local' ? '本地服务（市级、省级）' : '全国性服务',
        count(x.users),
        orEmpty(x.share, percent),
        x.services,
        orEmpty(x.perService, count),
        orEmpty(x.returningShare, percent),
        orEmpty(x.returnRate, percent),
        side === 'local' ? orEmpty(s.perServiceRatio, decimals(CSV_PRECISION.ratioDecimals)) : null,
      ]
    }),
  ],
  topCities: (domains: { domain: string; label: string; cities: { rank: number; code: string; name: string; mau: number }[] }[]): Cell[][] => [
    ['领域 domain', '领域名称 domain_label', '排名 rank', '城市代码 code', '城市 city', '月活跃用户 mau'],
    ...domains.flatMap((d) => d.cities.map((c) => [d.domain, d.label, c.rank, c.code, c.name, count(c.mau)])),
  ],
  trends: (rows: Analyses['trends']): Cell[][] => {
    const types = [...new Set(rows.flatMap((r) => Object.keys(r.types)))].sort()
    const domains = [...new Set(rows.flatMap((r) => Object.keys(r.domains)))].sort()
    return [
      [
        '月份 month',
        '全国活跃用户 actives',
        '全国回流率 % return_rate_pct',
        ...types.map((t) => `${typeLabel(t)}用户 users_type_${t}`),
        ...domains.map((d) => `${domainLabel(d)}用户 users_domain_${d}`),
        '存疑说明 plausibility_note',
      ],
      ...rows.map((r) => [
        r.month,
        shown(r.actives, count),
        r.flags.length > 0 ? null : shown(r.returnRate, percent),
        ...types.map((t) => count(r.types[t] ?? 0)),
        ...domains.map((d) => count(r.domains[d] ?? 0)),
        flagsCell(r.flags),
      ]),
    ]
  },
  leapfrog: (rows: { code: string; name: string; ourRank: number; theirRank: number; lead: number; unrankedThere: boolean }[]): Cell[][] => [
    ['城市代码 code', '城市 city', '本指数排名 our_rank', '对比排名 their_rank', '领先名次 lead', '对比榜外 unranked_there'],
    ...rows.map((r) => [r.code, r.name, r.ourRank, r.theirRank, r.lead, r.unrankedThere ? '是 yes' : '否 no']),
  ],
}
