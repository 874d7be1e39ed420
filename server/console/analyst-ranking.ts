import type { FastifyPluginAsync } from 'fastify'
import { INDICATOR_LABELS } from '../../src/domain/indicator-labels'
import { INDICATORS, type Indicator } from '../../src/domain/smart-index'
import type { IndexAnswerT, IndexRowT, UploadSummaryT } from '../../src/api/stats'
import { ANALYST_PAGES, analystLayout, csvLink, csvPath, failuresView, statusOf } from './analyst-frame'
import { INDICATOR_FORMATS, indexText, periodText, pointsText, statView, suppressionNote } from './analyst-format'
import { type Period, type RawQuery, choice, param, periodForm, periodOf, queryString, statsUrl } from './analyst-query'
import { loadUploads } from './analyst-upload'
import { appliedWeightsText, weightsSelect } from './analyst-weights'
import { apiErrorView } from './api-error-view'
import { html, type SafeHtml } from './html'
import { sendPage } from './send-page'

const LEVELS = ['city', 'province'] as const
const SORTS = ['index', ...INDICATORS] as const
const ORDERS = ['desc', 'asc'] as const
export type Level = (typeof LEVELS)[number]
export type SortKey = (typeof SORTS)[number]

/** The ranking page's choices, all in its URL so every view can be bookmarked and printed. */
export interface RankingState extends Period {
  level: Level
  weights: string
  q: string
  sort: SortKey
  order: (typeof ORDERS)[number]
}

export function rankingState(query: RawQuery | undefined): RankingState {
  return {
    ...periodOf(query),
    level: choice(param(query, 'level'), LEVELS, 'city'),
    weights: param(query, 'weights') ?? 'equal',
    q: param(query, 'q') ?? '',
    sort: choice(param(query, 'sort'), SORTS, 'index'),
    order: choice(param(query, 'order'), ORDERS, 'desc'),
  }
}

/** GET /v1/stats/index with the period and weights chosen. */
export const indexUrl = (s: Pick<RankingState, 'level' | 'weights'> & Period, format?: 'csv') =>
  statsUrl('index', { from: s.from, to: s.to, level: s.level, weights: s.weights, format })

const valueOf = (row: IndexRowT, key: SortKey) => (key === 'index' ? row.index : row.indicators[key].value)

/**
 * The rows the page shows: those whose name or province contains `q`,
 * sorted by the chosen column. Withheld values (null) go last whichever the
 * order, since they are unknown rather than small; ties keep the index rank.
 */
export function rankRows(rows: readonly IndexRowT[], s: Pick<RankingState, 'q' | 'sort' | 'order'>): IndexRowT[] {
  const q = s.q.toLowerCase()
  const sign = s.order === 'asc' ? 1 : -1
  return rows
    .filter((r) => q === '' || r.name.toLowerCase().includes(q) || r.province.name.toLowerCase().includes(q))
    .sort((a, b) => {
      const va = valueOf(a, s.sort)
      const vb = valueOf(b, s.sort)
      if (va === null || vb === null) return va === vb ? a.rank - b.rank : va === null ? 1 : -1
      return sign * (va - vb) || a.rank - b.rank || a.code.localeCompare(b.code)
    })
}

/** The link of the ranking page with some choices changed. */
export function rankingHref(s: RankingState, change: Partial<RankingState> = {}, path: string = ANALYST_PAGES.ranking): string {
  const n = { ...s, ...change }
  return path + queryString({ level: n.level, weights: n.weights === 'equal' ? undefined : n.weights, q: n.q, sort: n.sort === 'index' ? undefined : n.sort, order: n.order === 'desc' ? undefined : n.order, from: n.from, to: n.to })
}

/** A column header that sorts by its column: the current one says which way (aria-sort), and a second click reverses it. */
function sortHeader(s: RankingState, key: SortKey, text: string): SafeHtml {
  const current = s.sort === key
  const order = current && s.order === 'desc' ? 'asc' : 'desc'
  const arrow = current ? (s.order === 'desc' ? ' ↓' : ' ↑') : ''
  return html`<th scope="col"${current ? html` aria-sort="${s.order === 'desc' ? 'descending' : 'ascending'}"` : ''}><a href="${rankingHref(s, { sort: key, order })}">${text}${arrow}</a></th>`
}

function indicatorCell(cell: IndexRowT['indicators'][Indicator], j: Indicator, k: number, flags: IndexRowT['flags'] = []): SafeHtml {
  // Implausible months are already left out of the return rate: the mark says which and why.
  const flagged = j === 'returnRate' && flags.length > 0 ? html`<br>${flaggedMonthsView(flags)}` : ''
  return html`<td>${statView(cell.value, INDICATOR_FORMATS[j], k, cell.suppressed)}${flagged}<br><span class="hint">第 ${cell.rank} 名</span></td>`
}

/** The mark of a place's return rate that left implausible months out: how many, the reasons on hover. */
function flaggedMonthsView(flags: IndexRowT['flags']): SafeHtml {
  return html`<span class="flagged" title="${flags.map((f) => `${f.month}：${f.reason}`).join('\n')}">${flags.length} 个月存疑未计入</span>`
}

/** Under the table: every place with implausible months, and why they were left out. */
export function flaggedPlacesNote(rows: readonly IndexRowT[]): SafeHtml | '' {
  const flagged = rows.filter((r) => r.flags.length > 0)
  if (flagged.length === 0) return ''
  const reason = flagged[0]!.flags[0]!.reason.split(' / ')[0]
  return html`<div class="notice flags" role="note"><p>回流率存疑：${reason}。涉及：</p><ul>${flagged.map((r) => html`<li>${r.name}：${r.flags.map((f) => f.month).join('、')}</li>`)}</ul></div>`
}

/** The ranking table: sortable headers, the index to four decimals, every indicator's value and rank. */
function rankingTable(answer: IndexAnswerT, rows: readonly IndexRowT[], s: RankingState): SafeHtml {
  const place = s.level === 'city' ? '城市' : '省份'
  const caption = `${place}排名：显示 ${rows.length} / ${answer.rows.length} 个${place}${s.q ? `（名称含「${s.q}」）` : ''}`
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0"><table class="ranking">
<caption class="hint">${caption}</caption>
<thead><tr><th scope="col">排名</th><th scope="col">${place}</th>${s.level === 'city' ? html`<th scope="col">省份</th>` : ''}${sortHeader(s, 'index', '指数')}${INDICATORS.map((j) => sortHeader(s, j, INDICATOR_LABELS[j]))}</tr></thead>
<tbody>${rows.map(
    (r) => html`<tr><td>${r.rank}</td><th scope="row">${r.name}</th>${s.level === 'city' ? html`<td>${r.province.name}</td>` : ''}<td class="num">${indexText(r.index)}</td>${INDICATORS.map((j) => indicatorCell(r.indicators[j], j, answer.k, r.flags))}</tr>`,
  )}</tbody>
</table></div>`
}

/** The ranking page's body from the index answer and the uploads (for the weights' names and the select). */
export function rankingView(answer: IndexAnswerT, uploads: readonly UploadSummaryT[], s: RankingState): SafeHtml {
  const rows = rankRows(answer.rows, s)
  const csvHref = rankingHref({ ...s, q: '', sort: 'index', order: 'desc', from: answer.from, to: answer.to }, {}, csvPath('ranking'))
  return html`<dl class="facts">
<dt>统计期</dt><dd>${periodText(answer)}</dd>
<dt>权重</dt><dd>${appliedWeightsText(answer.weights, uploads)}</dd>
<dt>集中度</dt><dd>前 10 名合计占全国总指数的 ${pointsText(answer.concentration.top10)}，前 50 名占 ${pointsText(answer.concentration.top50)}</dd>
</dl>
<p class="hint">${answer.note}</p>
<div class="actions">${csvLink(csvHref, `下载全部 ${answer.rows.length} 行 CSV`)}</div>
${rows.length > 0 ? rankingTable(answer, rows, s) : html`<p>没有名称含「${s.q}」的${s.level === 'city' ? '城市' : '省份'}。</p>`}
${flaggedPlacesNote(answer.rows)}
${suppressionNote(answer.k)}`
}

/** The controls: city/province links, then the weights, search and period in one GET form. */
function controlsView(s: RankingState, uploads: readonly UploadSummaryT[], shown: Partial<Period>): SafeHtml {
  const level = (l: Level, text: string) => html`<li><a href="${rankingHref(s, { level: l })}"${s.level === l ? html` aria-current="page"` : ''}>${text}</a></li>`
  const extra = html`${weightsSelect(uploads, s.weights)}
<label for="q">搜索城市或省份名称</label>
<input type="text" id="q" name="q" value="${s.q}" maxlength="40">${s.q ? html` <a href="${rankingHref(s, { q: '' })}">清除搜索</a>` : ''}`
  return html`<ul class="filters no-print" aria-label="排名层级">${level('city', '城市排名')}${level('province', '省份排名')}</ul>
${periodForm({ action: ANALYST_PAGES.ranking, picked: s, shown, keep: { level: s.level, sort: s.sort, order: s.order }, extra, extraValues: { weights: s.weights, q: s.q } })}`
}

/** GET /console/analyst/ranking. */
export const analystRankingRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: RawQuery }>('/analyst/ranking', { schema: { hide: true } }, async (request, reply) => {
    const user = request.consoleUser!
    const s = rankingState(request.query)
    const [index, uploads] = await Promise.all([user.api<IndexAnswerT>('GET', indexUrl(s)), loadUploads(user)])
    const list = uploads.ok ? uploads.data.uploads : []
    const body = html`<h1>城市排名</h1>
${controlsView(s, list, index.ok ? index.data : {})}
${uploads.ok ? '' : apiErrorView(uploads.error, '无法读取专家权重列表')}
${index.ok ? rankingView(index.data, list, s) : failuresView('无法读取指数', index)}`
    return sendPage(reply, analystLayout(user, ANALYST_PAGES.ranking, '城市排名', body), statusOf(index, uploads))
  })
}
