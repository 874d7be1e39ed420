import type { DomainsAnswerT, IndexAnswerT, LeapfrogAnswerT, LocalNationalAnswerT, TopCitiesAnswerT, TypesAnswerT } from '../../src/api/stats'
import { indexText, percentText, pointsText, timesText } from './analyst-format'
import { QUADRANT_NAMES, quadrantMembers } from './charts/quadrant-chart'
import { html, type SafeHtml } from './html'

/**
 * The findings as sentences, the way chapter 5 of the 2016 report writes
 * them, made from the API's numbers only: every figure in them comes from
 * the answer passed in, and a withheld one is said to be withheld.
 */

const byRank = <T extends { rank: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.rank - b.rank)
/** "<subject> 为 <value>", or that it is withheld: a sentence never shows a withheld figure as a number. */
const is = (subject: string, value: number | null, format: (n: number) => string, verb = '为') =>
  value === null ? `${subject}已抑制（或无数据）` : `${subject}${verb} ${format(value)}`
const pct1 = (r: number) => percentText(r, 1)
const list = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join('、')}和${items.at(-1)}`)

/** 1 指数总体情况: how many places, concentration of the top 10 and 50, the leaders. */
export function concentrationSentences(index: IndexAnswerT): string[] {
  const place = index.level === 'city' ? '城市' : '省份'
  const rows = byRank(index.rows)
  const out = [
    `共有 ${rows.length} 个${place}参与排名。`,
    `排名前 10 的${place}占全国总指数的 ${pointsText(index.concentration.top10)}${index.level === 'city' ? `，前 50 的${place}占 ${pointsText(index.concentration.top50)}` : ''}。`,
  ]
  const top = rows.slice(0, 3)
  if (top.length > 0) out.push(`指数最高的是${list(top.map((r) => `${r.name}（${indexText(r.index)}）`))}。`)
  const [first, tenth] = [rows[0], rows[9]]
  if (first && tenth && tenth.index > 0) out.push(`第 1 名${first.name}的指数是第 10 名${tenth.name}的 ${(first.index / tenth.index).toFixed(2)} 倍。`)
  return out
}

/** 3 服务类型: share of users of each type, largest first, and where returning users are most common. */
export function typesSentences(types: TypesAnswerT): string[] {
  const byShare = [...types.rows].sort((a, b) => (b.share ?? -1) - (a.share ?? -1))
  const out = [`从用户数看，${byShare.map((r) => is(r.label, r.share, percentText, '占')).join('，')}。`]
  const returning = types.rows.filter((r) => r.returningShare !== null).sort((a, b) => b.returningShare! - a.returningShare!)
  // Zero returning everywhere (a first month) is no finding.
  if (returning.length > 0 && returning[0]!.returningShare! > 0) {
    const [best, next] = returning
    out.push(`回流用户占比最高的是${best!.label}（${percentText(best!.returningShare!, 1)}）${next ? `，其次是${next.label}（${percentText(next.returningShare!, 1)}）` : ''}。`)
  }
  return out
}

/** 4 本地与全国服务: share of users on local services, users per service ratio, returning share. */
export function localNationalSentences(ln: LocalNationalAnswerT): string[] {
  const ratio = ln.perServiceRatio
  return [
    `${is('本地服务（市级与省级）的用户占全部用户的比例', ln.local.share, pct1)}，${is('全国性服务', ln.national.share, pct1, '占')}。`,
    `${ratio === null ? '平均每项本地服务与全国性服务的用户数之比已抑制（或无数据）' : `平均每项本地服务的用户数是全国性服务的 ${timesText(ratio)}`}（本地服务 ${ln.local.services} 项，全国性服务 ${ln.national.services} 项）。`,
    `${is('本地服务的回流用户占比', ln.local.returningShare, pct1)}（${is('回流率', ln.local.returnRate, pct1)}），${is('全国性服务', ln.national.returningShare, pct1)}（${is('回流率', ln.national.returnRate, pct1)}）。`,
  ]
}

/** 5 领域分析: the top-10 domains' share, the largest domain, and the quadrants' members. */
export function domainsSentences(domains: DomainsAnswerT): string[] {
  const out: string[] = []
  out.push(`按月活跃用户数排序，${is('前 10 个领域合计占全部领域用户的比例', domains.top10Share, pct1)}。`)
  const first = domains.rows.find((r) => r.mau !== null && r.mau > 0)
  if (first) out.push(`用户最多的领域是${first.label}，${is('占比', first.share, pct1)}。`)
  const members = quadrantMembers(domains.rows)
  out.push(
    ([1, 2, 3, 4] as const)
      .map((q) => `象限 ${QUADRANT_NAMES[q]}：${members[q].length > 0 ? members[q].join('、') : '无'}`)
      .join('；') + '。',
  )
  return out
}

/** 6 各领域前十城市: the cities that are in the most domains' top 10. */
export function topCitiesSentences(top: TopCitiesAnswerT): string[] {
  const count = new Map<string, number>()
  for (const d of top.domains) for (const c of d.cities) count.set(c.name, (count.get(c.name) ?? 0) + 1)
  const ranked = [...count].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-Hans-CN')).slice(0, 3)
  const withCities = top.domains.filter((d) => d.cities.length > 0).length
  if (ranked.length === 0) return ['各领域都还没有可公布的城市数据。']
  return [`在有数据的 ${withCities} 个领域中，进入前十次数最多的城市是${list(ranked.map(([name, n]) => `${name}（${n} 个领域）`))}。`]
}

/** 7 黑马城市: how many cities lead the imported ranking by at least minLead places, and the largest lead. */
export function leapfrogSentences(lf: LeapfrogAnswerT): string[] {
  const there = `「${lf.ranking.name}」`
  if (lf.rows.length === 0) return [`与${there}（前 ${lf.ranking.size} 名）相比，没有城市在本指数中领先 ${lf.minLead} 名及以上。`]
  const best = [...lf.rows].sort((a, b) => b.lead - a.lead || a.ourRank - b.ourRank)[0]!
  return [
    `与${there}（前 ${lf.ranking.size} 名）相比，在本指数中排名领先 ${lf.minLead} 名及以上的黑马城市有 ${lf.rows.length} 个。`,
    `领先最多的是${best.name}：本指数第 ${best.ourRank} 名，在${there}中${best.unrankedThere ? `未上榜（按第 ${best.theirRank} 名计）` : `第 ${best.theirRank} 名`}，领先 ${best.lead} 名。`,
  ]
}

/** Sentences as the paragraphs of a finding. */
export const sentencesView = (sentences: readonly string[]): SafeHtml => html`${sentences.map((s) => html`<p class="finding">${s}</p>`)}`
