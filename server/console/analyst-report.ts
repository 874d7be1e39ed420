import type { FastifyPluginAsync } from 'fastify'
import type { DomainsAnswerT, IndexAnswerT, IndexRowT, LeapfrogAnswerT, LocalNationalAnswerT, TopCitiesAnswerT, TypesAnswerT, UploadSummaryT } from '../../src/api/stats'
import { domainsSection, localNationalSection, topCitiesTable, typesSection } from './analyst-domains'
import { concentrationSentences, sentencesView, topCitiesSentences } from './analyst-findings'
import { ANALYST_PAGES, analystLayout, refusedRequest, statusOf, viewOr } from './analyst-frame'
import { INDICATOR_FORMATS, indexText, periodText, statView } from './analyst-format'
import { leapfrogResultView, leapfrogUrl, DEFAULT_MIN_LEAD } from './analyst-leapfrog'
import { type RawQuery, param, periodForm, periodOf, statsUrl } from './analyst-query'
import { loadUploads, uploadsOf } from './analyst-upload'
import { appliedWeightsText } from './analyst-weights'
import type { ApiResult } from './call-api'
import { formatTime } from './format'
import { html, type SafeHtml } from './html'
import { sendPage } from './send-page'
import { tableView } from './table-view'

/** Everything the report is made of; each section shows its own answer or its own error. */
export interface ReportAnswers {
  cities: ApiResult<IndexAnswerT>
  provinces: ApiResult<IndexAnswerT>
  types: ApiResult<TypesAnswerT>
  localNational: ApiResult<LocalNationalAnswerT>
  domains: ApiResult<DomainsAnswerT>
  topCities: ApiResult<TopCitiesAnswerT>
  uploads: readonly UploadSummaryT[]
  /** Against the latest imported ranking; absent when none was imported. */
  leapfrog?: ApiResult<LeapfrogAnswerT>
}

/** The top rows of an index: rank, name, the index and the two usage indicators. */
function topTable(index: IndexAnswerT, n: number): SafeHtml {
  const place = index.level === 'city' ? '城市' : '省份'
  const rows = [...index.rows].sort((a, b) => a.rank - b.rank).slice(0, n)
  const usage = (r: IndexRowT, j: 'mau' | 'returnRate') => {
    const shown = statView(r.indicators[j].value, INDICATOR_FORMATS[j], index.k, r.indicators[j].suppressed)
    return j === 'returnRate' && r.flags.length > 0 ? html`${shown}（${r.flags.length} 个月存疑未计入）` : shown
  }
  return tableView(
    `指数前 ${rows.length} 名${place}`,
    ['排名', place, ...(index.level === 'city' ? ['省份'] : []), '指数', '月活跃用户数', '回流率'],
    rows.map((r) => [r.rank, r.name, ...(index.level === 'city' ? [r.province.name] : []), indexText(r.index), usage(r, 'mau'), usage(r, 'returnRate')]),
  )
}

const chapter = (n: number, title: string, content: SafeHtml) => html`<section class="report-section" aria-labelledby="s${n}">
<h2 id="s${n}">${n} ${title}</h2>
${content}
</section>`

/** 8 数据说明: how the figures were made and what they cannot tell. */
function dataNotes(index: IndexAnswerT | undefined, k: number | undefined, uploads: readonly UploadSummaryT[]): SafeHtml {
  const kText = k === undefined ? 'k' : `k = ${k}`
  return html`<ul class="notes">
<li><strong>小样本保护</strong>：少于 ${kText} 人的数字，以及分母少于 ${kText} 的比率，一律不公布，表中写作「已抑制」，不按 0 显示；合计只由公布的数字相加，无法由合计减出被抑制的数字。</li>
<li><strong>月活跃用户数与回流率的统计方式</strong>：手机端不发送任何能识别个人或设备的信息（没有 openid、用户编号、设备编号或它们的哈希，也不保留 IP）。客户端按统计范围（全国、省、市、服务类型、领域、服务）记住自己上次活跃的月份，每月首次使用时发送一条「本月活跃」记录，附两个标记：上个月是否也活跃（回流）、是否首次使用。月活跃用户数 = 当月的活跃记录数；回流率 = 当月的回流记录数 ÷ 上月的活跃记录数；多个月份取平均。</li>
<li><strong>已知偏差</strong>：同一个人在两台设备上使用会计为两人；清除了应用存储的用户会被当作首次使用，使「首次」偏多、「回流」偏少；记录可能被伪造，服务器对此限速并做合理性检查：某月回流人数多于上月活跃人数（只有伪造的记录或恢复了旧存储的手机才会如此）时，该月回流率不公布、不计入均值，并在表中注明「存疑」；在「我的 → 隐私与统计」中关闭统计的用户不被计入。</li>
<li><strong>故障率</strong>：平台定期探测每个上架服务，连续探测失败起记为停机，直到下一次成功；故障率 = 停机时间 ÷ 监测时间（不含公告的维护时段），反映的是可用性。计算指数时使用可用性（1 − 故障率）占全国的比例。${index ? index.note : ''}</li>
<li><strong>指数的算法</strong>：六个指标各自换算为占全国总量的比例，按权重加权求和再乘以 100，因此全部城市的指数之和为 100，一个城市的指数即它占全国的百分比。${index ? `本报告使用的权重：${appliedWeightsText(index.weights, uploads)}` : ''}</li>
</ul>`
}

/** The printable report, laid out as chapter 5 of the 2016 report, every sentence made from the answers. */
export function reportView(a: ReportAnswers, generatedAt: string): SafeHtml {
  const refused = refusedRequest(a.cities, a.provinces, a.types, a.localNational, a.domains, a.topCities)
  if (refused) return refused
  const cities = a.cities.ok ? a.cities.data : undefined
  const k = ([a.cities, a.provinces, a.types, a.localNational, a.domains, a.topCities] as ApiResult<{ k: number }>[]).find((r) => r.ok)
  const ranking = uploadsOf(a.uploads, 'ranking')[0]
  return html`<header class="report-head">
<p>${cities ? `统计期：${periodText(cities)}` : ''}　生成时间：${formatTime(generatedAt)}</p>
</header>
${chapter(1, '指数总体情况', viewOr(a.cities, '无法读取城市指数', (d) => html`${sentencesView(concentrationSentences(d))}${topTable(d, 20)}`))}
${chapter(2, '省级排名', viewOr(a.provinces, '无法读取省级指数', (d) => html`${sentencesView(concentrationSentences(d))}${topTable(d, 10)}`))}
${chapter(3, '服务类型', viewOr(a.types, '无法读取服务类型数据', typesSection))}
${chapter(4, '本地与全国服务', viewOr(a.localNational, '无法读取本地与全国服务数据', localNationalSection))}
${chapter(5, '领域分析', viewOr(a.domains, '无法读取领域数据', domainsSection))}
${chapter(6, '各领域前十城市', viewOr(a.topCities, '无法读取各领域前十城市', (d) => html`${sentencesView(topCitiesSentences(d))}${topCitiesTable(d)}`))}
${chapter(
  7,
  '黑马城市',
  a.leapfrog && ranking
    ? viewOr(a.leapfrog, '无法计算黑马城市', leapfrogResultView)
    : html`<p>尚未导入其他指数的城市排名，本节从略。<a class="no-print" href="${ANALYST_PAGES.leapfrog}">导入排名</a></p>`,
)}
${chapter(8, '数据说明', dataNotes(cities, k?.ok ? k.data.k : undefined, a.uploads))}`
}

/** GET /console/analyst/report. */
export const analystReportRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: RawQuery }>('/analyst/report', { schema: { hide: true } }, async (request, reply) => {
    const user = request.consoleUser!
    const picked = periodOf(request.query)
    const weights = param(request.query, 'weights')
    const [cities, provinces, types, localNational, domains, topCities, uploads] = await Promise.all([
      user.api<IndexAnswerT>('GET', statsUrl('index', { ...picked, level: 'city', weights })),
      user.api<IndexAnswerT>('GET', statsUrl('index', { ...picked, level: 'province', weights })),
      user.api<TypesAnswerT>('GET', statsUrl('types', { ...picked })),
      user.api<LocalNationalAnswerT>('GET', statsUrl('local-national', { ...picked })),
      user.api<DomainsAnswerT>('GET', statsUrl('domains', { ...picked })),
      user.api<TopCitiesAnswerT>('GET', statsUrl('top-cities', { ...picked, n: 10 })),
      loadUploads(user),
    ])
    const list = uploads.ok ? uploads.data.uploads : []
    const latest = uploadsOf(list, 'ranking')[0]
    const leapfrog = latest
      ? await user.api<LeapfrogAnswerT>('GET', leapfrogUrl({ ...picked, ranking: String(latest.id), minLead: DEFAULT_MIN_LEAD, weights: weights ?? 'equal' }))
      : undefined
    const answers: ReportAnswers = { cities, provinces, types, localNational, domains, topCities, uploads: list, ...(leapfrog ? { leapfrog } : {}) }
    const body = html`<h1>OneCity 智慧城市指数报告</h1>
<p class="hint no-print">用浏览器的「打印」（Ctrl+P 或 ⌘P）即可打印本报告或存为 PDF；打印时导航和表单不会出现。</p>
${periodForm({ action: ANALYST_PAGES.report, picked, shown: cities.ok ? cities.data : {}, keep: { weights } })}
<article class="report">${reportView(answers, new Date().toISOString())}</article>`
    return sendPage(reply, analystLayout(user, ANALYST_PAGES.report, '报告', body), statusOf(cities, provinces, types, localNational, domains, topCities, uploads))
  })
}
