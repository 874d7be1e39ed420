import { INDICATOR_LABELS } from '../../../src/domain/indicator-labels'
import { INDICATORS } from '../../../src/domain/smart-index'
import type { Snapshot } from './stats-service'
import type { indexAnswer } from './index-answer'
import type { AgencyStatsMonthT } from '../../../src/api/agency-stats'

type Cell = string | number | null
const SUPPRESSED = '<k'
/** A withheld figure reads as withheld in a spreadsheet, never as an empty cell that sums as 0. */
const shown = (v: number | null, suppressed = v === null) => (suppressed ? SUPPRESSED : v)

/** Each statistics answer as CSV rows (a header row first, Chinese and English names). */
export const csvTables = {
  agencyService: (rows: AgencyStatsMonthT[]): Cell[][] => [
    ['月份 month', '活跃 actives', '回流率 returnRate', '未计入城市 citiesWithheld', '打开 opens', '提交 submits', '成功 successes', '出错 errors', '计时 timed', 'p50 ≤ms', 'p95 ≤ms', '故障率 failureRate'],
    ...rows.map((r) => [
      r.month, shown(r.actives), shown(r.returnRate), r.citiesWithheld,
      shown(r.opens), shown(r.submits), shown(r.successes), shown(r.errors), shown(r.timed),
      // No timed interaction at all is no data (empty), not a withheld figure.
      shown(r.latencyP50Ms, r.timed === null), shown(r.latencyP95Ms, r.timed === null),
      r.failureRate,
    ]),
  ],
  activity: (rows: { month: string; actives: number | null; returning: number | null; first: number | null; returnRate: number | null }[]): Cell[][] => [
    ['月份 month', '活跃 actives', '回流 returning', '首次 first', '回流率 returnRate'],
    ...rows.map((r) => [r.month, shown(r.actives), shown(r.returning), shown(r.first), shown(r.returnRate)]),
  ],
  index: (rows: ReturnType<typeof indexAnswer>['rows']): Cell[][] => [
    ['排名 rank', '代码 code', '名称 name', '省份 province', '指数 index', ...INDICATORS.flatMap((j) => [`${INDICATOR_LABELS[j]} ${j}`, `份额 share`, `排名 rank`])],
    ...rows.map((r) => [r.rank, r.code, r.name, r.province.name, r.index, ...INDICATORS.flatMap((j) => {
      const c = r.indicators[j]
      return [shown(c.value, c.suppressed), c.share, c.rank]
    })]),
  ],
  domains: (rows: Snapshot['domains']['rows']): Cell[][] => [
    ['领域 domain', '名称 label', '月活 mau', '占比 share', '回流率 returnRate', '服务数 richness', '城市数 cities', '象限 quadrant'],
    ...rows.map((r) => [r.domain, r.label, r.mau, r.share, r.returnRate, r.richness, r.cities, r.quadrant]),
  ],
  types: (rows: Snapshot['types']): Cell[][] => [
    ['类型 type', '名称 label', '用户 users', '占比 share', '回流用户 returning', '回流占比 returningShare'],
    ...rows.map((r) => [r.type, r.label, r.users, r.share, r.returning, r.returningShare]),
  ],
  localNational: (s: Snapshot['localNational']): Cell[][] => [
    ['范围 scope', '用户 users', '占比 share', '服务数 services', '每项服务用户 perService', '回流占比 returningShare'],
    ...(['local', 'national'] as const).map((side) => [side, s[side].users, s[side].share, s[side].services, s[side].perService, s[side].returningShare]),
  ],
  topCities: (domains: { domain: string; label: string; cities: { rank: number; code: string; name: string; mau: number }[] }[]): Cell[][] => [
    ['领域 domain', '名称 label', '排名 rank', '城市代码 code', '城市 city', '月活 mau'],
    ...domains.flatMap((d) => d.cities.map((c) => [d.domain, d.label, c.rank, c.code, c.name, c.mau])),
  ],
  trends: (rows: Snapshot['trends']): Cell[][] => {
    const types = [...new Set(rows.flatMap((r) => Object.keys(r.types)))].sort()
    const domains = [...new Set(rows.flatMap((r) => Object.keys(r.domains)))].sort()
    return [
      ['月份 month', '活跃 actives', '回流率 returnRate', ...types.map((t) => `type:${t}`), ...domains.map((d) => `domain:${d}`)],
      ...rows.map((r) => [r.month, shown(r.actives), shown(r.returnRate), ...types.map((t) => r.types[t] ?? 0), ...domains.map((d) => r.domains[d] ?? 0)]),
    ]
  },
  leapfrog: (rows: { code: string; name: string; ourRank: number; theirRank: number; lead: number; unrankedThere: boolean }[]): Cell[][] => [
    ['城市代码 code', '城市 city', '本指数排名 ourRank', '对比排名 theirRank', '领先 lead', '对比榜外 unrankedThere'],
    ...rows.map((r) => [r.code, r.name, r.ourRank, r.theirRank, r.lead, r.unrankedThere ? 'yes' : 'no']),
  ],
}
