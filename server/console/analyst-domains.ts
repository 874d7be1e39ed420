import type { FastifyPluginAsync } from 'fastify'
import { DOMAINS, SERVICE_TYPE_IDS, SERVICE_TYPES } from '../../src/domain/catalog'
import type { DomainsAnswerT, LocalNationalAnswerT, TopCitiesAnswerT, TrendsAnswerT, TypesAnswerT } from '../../src/api/stats'
import { ANALYST_PAGES, analystLayout, csvLink, csvPath, refusedRequest, statusOf, viewOr } from './analyst-frame'
import { domainsSentences, localNationalSentences, sentencesView, topCitiesSentences, typesSentences } from './analyst-findings'
import { countText, percentText, statView, suppressionNote, timesText } from './analyst-format'
import { type Period, type RawQuery, hiddenFields, param, periodForm, periodOf, statsUrl } from './analyst-query'
import { barChart } from './charts/bar-chart'
import { quadrantChart } from './charts/quadrant-chart'
import { type TrendSeries, seriesTrendChart } from './charts/series-trend-chart'
import type { ApiResult } from './call-api'
import { html, type SafeHtml } from './html'
import { sendPage } from './send-page'
import { tableView } from './table-view'

const share = (r: number) => percentText(r, 2)
const csvHref = (what: string, p: Period, extra: Record<string, string | undefined> = {}) => csvPath(what, { from: p.from, to: p.to, ...extra })

/** Domains by MAU (bars with their share) and the quadrant chart. */
export function domainsSection(d: DomainsAnswerT): SafeHtml {
  const table = tableView(
    '各领域月活跃用户数及占比',
    ['领域', '月活跃用户数', '占比', '有数据的城市'],
    d.rows.map((r) => [r.label, statView(r.mau, countText, d.k), statView(r.share, share, d.k), r.cities]),
  )
  return html`${sentencesView(domainsSentences(d))}
${barChart({ caption: '各领域月活跃用户数', items: d.rows.map((r) => ({ name: r.label, value: r.mau })), valueName: '月活跃用户数', format: countText, k: d.k, table })}
${quadrantChart(d)}`
}

/** Service types: share of users (bars) and returning share. */
export function typesSection(t: TypesAnswerT): SafeHtml {
  const table = tableView(
    '各服务类型的用户与回流用户',
    ['服务类型', '用户数', '用户占比', '回流用户数', '回流用户占比'],
    t.rows.map((r) => [r.label, statView(r.users, countText, t.k), statView(r.share, share, t.k), statView(r.returning, countText, t.k), statView(r.returningShare, (x) => percentText(x, 1), t.k)]),
  )
  const items = [...t.rows].sort((a, b) => (b.share ?? -1) - (a.share ?? -1)).map((r) => ({ name: r.label, value: r.share }))
  return html`${sentencesView(typesSentences(t))}
${barChart({ caption: '各服务类型的用户占比', items, valueName: '用户占比', format: share, k: t.k, table })}`
}

/** Local (city and province) against national services. */
export function localNationalSection(ln: LocalNationalAnswerT): SafeHtml {
  const k = ln.k
  const row = (name: string, s: LocalNationalAnswerT['local']) => [
    name,
    s.services,
    statView(s.users, countText, k),
    statView(s.share, (x) => percentText(x, 1), k),
    statView(s.perService, countText, k),
    statView(s.returningShare, (x) => percentText(x, 1), k, false),
    statView(s.returnRate, (x) => percentText(x, 1), k, false),
  ]
  return html`${sentencesView(localNationalSentences(ln))}
${tableView('本地服务与全国性服务', ['', '服务数', '用户数', '用户占比', '每项服务用户数', '回流用户占比', '回流率'], [row('本地服务（市级、省级）', ln.local), row('全国性服务', ln.national)])}
<p>每项服务用户数之比（本地 ÷ 全国）：${statView(ln.perServiceRatio, timesText, k)}</p>
<p class="hint">回流用户占比 = 回流人数 ÷ 当月用户数，回流率 = 回流人数 ÷ 上月用户数，两者取自同一批「服务 × 城市」单元（回流人数可公布、上月有用户的单元），所以回流用户占比 = 回流率 × 上月用户数 ÷ 当月用户数。按单项服务统计的回流低于平台整体的回流率：换用另一项服务回来的人只计入后者。</p>`
}

/** How many domains the domain trend chart draws: more lines than this are no longer told apart. */
export const TREND_DOMAINS = 6

/** A key's label from a catalog table; a key the catalog does not know (nor any inherited name) is shown as is. */
const labelOf = (labels: Readonly<Record<string, string>>, key: string): string => (Object.hasOwn(labels, key) ? labels[key]! : key)

/** One key's monthly figures: null as the API sent it, undefined where its answer has no figure for the key. */
const valuesOf = (rows: TrendsAnswerT['rows'], pick: (r: TrendsAnswerT['rows'][number]) => Record<string, number | null>, key: string) =>
  rows.map((r) => (Object.hasOwn(pick(r), key) ? pick(r)[key]! : undefined))

/**
 * The domains with the most users over the period: the sum of their monthly
 * actives (withheld months count for nothing), the largest first, ties in
 * catalog order; a domain without a single published figure is left out.
 */
export function topTrendDomains(rows: TrendsAnswerT['rows'], n = TREND_DOMAINS): TrendSeries[] {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.domains)))]
  const order = (key: string) => {
    const i = Object.keys(DOMAINS).indexOf(key)
    return i === -1 ? Number.MAX_SAFE_INTEGER : i
  }
  return keys
    .map((key) => {
      const values = valuesOf(rows, (r) => r.domains, key)
      const published = values.filter((v): v is number => typeof v === 'number')
      return { key, values, published: published.length, total: published.reduce((a, b) => a + b, 0) }
    })
    .filter((d) => d.published > 0)
    .sort((a, b) => b.total - a.total || order(a.key) - order(b.key) || a.key.localeCompare(b.key))
    .slice(0, n)
    .map((d) => ({ name: labelOf(DOMAINS, d.key), values: d.values }))
}

/** Month by month: users of each of the four service types, and MAU of the domains with the most users. */
export function trendsSection(t: TrendsAnswerT): SafeHtml {
  const rows = [...t.rows].sort((a, b) => a.month.localeCompare(b.month))
  const months = rows.map((r) => r.month)
  const types = SERVICE_TYPE_IDS.map((type) => ({ name: labelOf(SERVICE_TYPES, type), values: valuesOf(rows, (r) => r.types, type) }))
  const domains = topTrendDomains(rows)
  const domainCaption =
    domains.length === 0
      ? '各领域每月活跃用户数'
      : `用户最多的 ${domains.length} 个领域每月活跃用户数（按统计期内各月活跃用户数之和选取${domains.length < TREND_DOMAINS ? `，有数据的领域只有 ${domains.length} 个` : ''}）`
  return html`${seriesTrendChart({ caption: '各服务类型每月用户数', months, series: types, valueName: '用户数', k: t.k })}
${domains.length > 0 ? seriesTrendChart({ caption: domainCaption, months, series: domains, valueName: '月活跃用户数', k: t.k }) : html`<p>${domainCaption}：统计期内没有可公布的领域数据。</p>`}`
}

/** Each domain's top cities in one table (the report's table 1): a row per domain, its cities in rank order. */
export function topCitiesTable(top: TopCitiesAnswerT): SafeHtml {
  return tableView(
    '各领域月活跃用户数前十的城市',
    ['领域', '前十城市（按月活跃用户数）'],
    top.domains.map((d) => [d.label, d.cities.length > 0 ? html`<ol class="inline-list">${d.cities.map((c) => html`<li>${c.name}</li>`)}</ol>` : '暂无可公布的数据']),
  )
}

/** One domain's top cities with their MAU. */
function oneDomainTable(d: TopCitiesAnswerT['domains'][number]): SafeHtml {
  return tableView(`${d.label}：月活跃用户数前 ${d.cities.length} 的城市`, ['名次', '城市', '月活跃用户数'], d.cities.map((c) => [c.rank, c.name, countText(c.mau)]))
}

/** The top cities section: a select of one domain (GET), that domain's table, or every domain at once. */
export function topCitiesSection(top: TopCitiesAnswerT, domain: string | undefined, p: Period): SafeHtml {
  const chosen = top.domains.find((d) => d.domain === domain)
  const option = (value: string, text: string) => html`<option value="${value}"${value === (chosen?.domain ?? '') ? html` selected` : ''}>${text}</option>`
  return html`${sentencesView(topCitiesSentences(top))}
<form method="get" action="${ANALYST_PAGES.domains}#top-title" class="inline-search no-print">
<label for="domain">领域</label>
<div class="actions"><select id="domain" name="domain">${option('', '全部领域')}${top.domains.map((d) => option(d.domain, d.label))}</select>
${hiddenFields({ from: p.from, to: p.to })}
<button type="submit">查看</button></div>
</form>
${chosen ? oneDomainTable(chosen) : topCitiesTable(top)}
<div class="actions">${csvLink(csvHref('top-cities', { from: top.from, to: top.to }, { domain: chosen?.domain }))}</div>`
}

/** The answers the page is made of; each section shows its own answer or its own error. */
export interface DomainsAnswers {
  domains: ApiResult<DomainsAnswerT>
  types: ApiResult<TypesAnswerT>
  trends: ApiResult<TrendsAnswerT>
  localNational: ApiResult<LocalNationalAnswerT>
  topCities: ApiResult<TopCitiesAnswerT>
}

const section = (id: string, title: string, content: SafeHtml, csv?: string) => html`<section class="card" aria-labelledby="${id}-title">
<h2 id="${id}-title">${title}</h2>
${content}
${csv ? html`<div class="actions">${csvLink(csv)}</div>` : ''}
</section>`

/** The page's body: the refused request once, or each section with its data (or its error). */
export function domainsView(a: DomainsAnswers, domain: string | undefined, p: Period): SafeHtml {
  const refused = refusedRequest(a.domains, a.types, a.trends, a.localNational, a.topCities)
  if (refused) return refused
  const answered = ([a.domains, a.types, a.trends, a.localNational, a.topCities] as ApiResult<{ k: number }>[]).find((r) => r.ok)
  return html`${section('domains', '领域：月活跃用户数与象限', viewOr(a.domains, '无法读取领域数据', domainsSection), a.domains.ok ? csvHref('domains', a.domains.data) : undefined)}
${section('types', '服务类型', viewOr(a.types, '无法读取服务类型数据', typesSection), a.types.ok ? csvHref('types', a.types.data) : undefined)}
${section('trends', '月度趋势', viewOr(a.trends, '无法读取月度趋势数据', trendsSection), a.trends.ok ? csvHref('trends', a.trends.data) : undefined)}
${section('local', '本地服务与全国性服务', viewOr(a.localNational, '无法读取本地与全国服务数据', localNationalSection), a.localNational.ok ? csvHref('local-national', a.localNational.data) : undefined)}
${section('top', '各领域前十城市', viewOr(a.topCities, '无法读取各领域前十城市', (top) => topCitiesSection(top, domain, p)))}
${answered?.ok ? suppressionNote(answered.data.k) : ''}`
}

/** GET /console/analyst/domains. */
export const analystDomainsRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: RawQuery }>('/analyst/domains', { schema: { hide: true } }, async (request, reply) => {
    const user = request.consoleUser!
    const picked = periodOf(request.query)
    const domain = param(request.query, 'domain')
    const [domains, types, trends, localNational, topCities] = await Promise.all([
      user.api<DomainsAnswerT>('GET', statsUrl('domains', { ...picked })),
      user.api<TypesAnswerT>('GET', statsUrl('types', { ...picked })),
      user.api<TrendsAnswerT>('GET', statsUrl('trends', { ...picked })),
      user.api<LocalNationalAnswerT>('GET', statsUrl('local-national', { ...picked })),
      user.api<TopCitiesAnswerT>('GET', statsUrl('top-cities', { ...picked, n: 10 })),
    ])
    const body = html`<h1>领域与类型</h1>
${periodForm({ action: ANALYST_PAGES.domains, picked, shown: domains.ok ? domains.data : {}, keep: { domain } })}
${domainsView({ domains, types, trends, localNational, topCities }, domain, picked)}`
    return sendPage(reply, analystLayout(user, ANALYST_PAGES.domains, '领域与类型', body), statusOf(domains, types, trends, localNational, topCities))
  })
}
