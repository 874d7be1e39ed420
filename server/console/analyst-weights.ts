import type { FastifyPluginAsync } from 'fastify'
import { INDICATOR_LABELS } from '../../src/domain/indicator-labels'
import { INDICATORS, type Indicator } from '../../src/domain/smart-index'
import type { IndexAnswerT, UploadSummaryT } from '../../src/api/stats'
import { ANALYST_PAGES, analystLayout, statusOf } from './analyst-frame'
import { percentText } from './analyst-format'
import { param, queryString, type RawQuery } from './analyst-query'
import { EMPTY_DRAFT, type UploadDraft, loadUploads, submitUpload, uploadFormView, uploadsOf } from './analyst-upload'
import { apiErrorView } from './api-error-view'
import type { ConsoleUser } from './console-user'
import type { FormBody } from './form-fields'
import { formatTime } from './format'
import { html, type SafeHtml } from './html'
import { sendPage } from './send-page'
import { tableView } from './table-view'

const EQUAL = Object.fromEntries(INDICATORS.map((j) => [j, 1 / INDICATORS.length]))

/** Weights as one line: 服务项目价值 18.2%、服务质量星级 15.0%、… */
export function weightValuesText(values: Record<string, number>): string {
  return INDICATORS.map((j) => `${INDICATOR_LABELS[j]} ${values[j] === undefined ? '—' : percentText(values[j]!, 1)}`).join('、')
}

/** Which weights an index answer used, by the name the analyst gave the table. */
export function weightsText(weights: IndexAnswerT['weights'], uploads: readonly UploadSummaryT[]): string {
  if (weights.source === 'equal') return '等权重'
  const upload = uploads.find((u) => u.id === weights.id)
  return `专家打分表「${upload?.name ?? `#${weights.id}`}」（${weights.experts} 位专家）`
}

/**
 * The weights as applied, and why they may differ from the table's: an
 * indicator no place has data for in the period is left out and the others
 * rescaled (the API's `omitted` and `applied`).
 */
export function appliedWeightsText(weights: IndexAnswerT['weights'], uploads: readonly UploadSummaryT[]): string {
  const omitted = weights.omitted.map((j) => (Object.hasOwn(INDICATOR_LABELS, j) ? INDICATOR_LABELS[j as Indicator] : j))
  const applied = INDICATORS.filter((j) => weights.applied[j] !== undefined && !weights.omitted.includes(j))
  return `${weightsText(weights, uploads)}，实际使用：${applied.map((j) => `${INDICATOR_LABELS[j]} ${percentText(weights.applied[j]!, 1)}`).join('、')}${
    omitted.length > 0 ? `。本统计期没有任何地方有数据、因而未计入的指标：${omitted.join('、')}（其余指标的权重按比例放大）` : ''
  }。`
}

/** The select of weights for a GET form: equal, then every uploaded expert table, newest first. */
export function weightsSelect(uploads: readonly UploadSummaryT[], selected: string): SafeHtml {
  const option = (value: string, text: string) => html`<option value="${value}"${value === selected ? html` selected` : ''}>${text}</option>`
  return html`<label for="weights">指标权重</label>
<select id="weights" name="weights">${option('equal', '等权重')}${uploadsOf(uploads, 'weights').map((u) => option(String(u.id), `${u.name}（${u.rows} 位专家）`))}</select>`
}

const HELP = html`<p>第一行是表头：第一列为专家姓名（表头文字不限），其后六列各为一个指标，表头写指标的中文名或英文键名，顺序不限：${INDICATORS.map((j) => html`${INDICATOR_LABELS[j]}（<code>${j}</code>）`).reduce((a, b) => html`${a}、${b}`)}。之后每位专家一行，每个指标打 1（很不重要）到 5（很重要）的整数。</p>
<p>权重 α<sub>j</sub> = 各专家对指标 j 的打分之和 ÷ 所有专家对所有指标的打分之和。</p>`
const EXAMPLE = `专家,${INDICATORS.map((j) => INDICATOR_LABELS[j]).join(',')}\n张三,5,4,5,3,2,4\n李四,4,4,5,4,3,3`

/** The expert weights page: the tables uploaded so far with their weights, and the upload form. */
export function weightsView(uploads: readonly UploadSummaryT[], o: { uploaded?: number; draft: UploadDraft }): SafeHtml {
  const tables = uploadsOf(uploads, 'weights')
  const done = tables.find((u) => u.id === o.uploaded)
  const weightCells = (values: Record<string, number> | null) => INDICATORS.map((j) => (values?.[j] === undefined ? '—' : percentText(values[j]!, 1)))
  const rows = [
    ['等权重（默认）', '—', '—', ...weightCells(EQUAL), html`<a href="${ANALYST_PAGES.ranking}">查看排名</a>`],
    ...tables.map((u) => [
      u.name,
      formatTime(u.uploadedAt),
      u.rows,
      ...weightCells(u.weights),
      html`<a href="${ANALYST_PAGES.ranking}${queryString({ weights: u.id })}">按此权重查看排名</a>`,
    ]),
  ]
  return html`<h1>专家权重</h1>
${done ? html`<p class="notice" role="status">已导入专家打分表「${done.name}」：${done.rows} 位专家，权重为 ${weightValuesText(done.weights ?? {})}。</p>` : ''}
<p>指数默认对六个指标等权重；上传专家打分表后，可在城市排名、黑马城市和报告中选用它算出的权重。</p>
${tableView(`可用的权重（专家打分表 ${tables.length} 份）`, ['名称', '上传时间', '专家数', ...INDICATORS.map((j) => INDICATOR_LABELS[j]), ''], rows)}
<section class="card no-print" aria-labelledby="upload-title">
<h2 id="upload-title">上传专家打分表</h2>
${uploadFormView({ action: ANALYST_PAGES.weights, draft: o.draft, help: HELP, example: EXAMPLE, submit: '上传并计算权重' })}
</section>`
}

/** GET and POST /console/analyst/weights. The form survives a failed list: what was typed is never lost. */
export const analystWeightsRoutes: FastifyPluginAsync = async (app) => {
  const render = async (user: ConsoleUser, o: { uploaded?: number; draft: UploadDraft }) => {
    const result = await loadUploads(user)
    const body = html`${result.ok ? '' : apiErrorView(result.error, '无法读取已上传的打分表')}${weightsView(result.ok ? result.data.uploads : [], o)}`
    return { page: analystLayout(user, ANALYST_PAGES.weights, '专家权重', body), status: statusOf(result) }
  }
  app.get<{ Querystring: RawQuery }>('/analyst/weights', { schema: { hide: true } }, async (request, reply) => {
    const uploaded = Number(param(request.query, 'uploaded'))
    const { page, status } = await render(request.consoleUser!, { draft: EMPTY_DRAFT, ...(uploaded > 0 ? { uploaded } : {}) })
    return sendPage(reply, page, status)
  })
  app.post('/analyst/weights', { schema: { hide: true } }, async (request, reply) => {
    const user = request.consoleUser!
    const sent = await submitUpload(user, 'weights', request.body as FormBody)
    if (sent.ok) return reply.redirect(`${ANALYST_PAGES.weights}?uploaded=${sent.upload.id}`, 303)
    return sendPage(reply, (await render(user, { draft: sent.draft })).page, sent.status)
  })
}
