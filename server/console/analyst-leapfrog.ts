import type { FastifyPluginAsync } from 'fastify'
import type { LeapfrogAnswerT, UploadSummaryT } from '../../src/api/stats'
import { ANALYST_PAGES, analystLayout, csvLink, csvPath, failuresView, statusOf } from './analyst-frame'
import { leapfrogSentences, sentencesView } from './analyst-findings'
import { suggestionText } from '../../src/domain/place-names'
import { periodText } from './analyst-format'
import { type Period, type RawQuery, param, periodForm, periodOf, statsUrl } from './analyst-query'
import { EMPTY_DRAFT, type UploadDraft, loadUploads, submitUpload, uploadFormView, uploadsOf } from './analyst-upload'
import { weightsSelect } from './analyst-weights'
import { apiErrorView } from './api-error-view'
import type { ApiResult } from './call-api'
import type { ConsoleUser } from './console-user'
import type { FormBody } from './form-fields'
import { formatTime } from './format'
import { html, type SafeHtml } from './html'
import { sendPage } from './send-page'
import { tableView } from './table-view'

export const DEFAULT_MIN_LEAD = 10

/** The leapfrog page's choices (ranking: the imported ranking's id; by default the latest import). */
export interface LeapfrogState extends Period {
  ranking?: string
  minLead: number
  weights: string
  uploaded?: number
}

export function leapfrogState(query: RawQuery | undefined): LeapfrogState {
  const minLead = Number(param(query, 'minLead') ?? DEFAULT_MIN_LEAD)
  const ranking = param(query, 'ranking')
  const uploaded = Number(param(query, 'uploaded'))
  return {
    ...periodOf(query),
    ...(ranking ? { ranking } : {}),
    // A hand-edited minLead the API would refuse is put back to the default; the API still checks the rest.
    minLead: Number.isInteger(minLead) && minLead >= 1 && minLead <= 400 ? minLead : DEFAULT_MIN_LEAD,
    weights: param(query, 'weights') ?? 'equal',
    ...(uploaded > 0 ? { uploaded } : {}),
  }
}

/** GET /v1/stats/leapfrog for these choices. */
export const leapfrogUrl = (s: LeapfrogState & { ranking: string }, format?: 'csv') =>
  statsUrl('leapfrog', { from: s.from, to: s.to, ranking: s.ranking, minLead: s.minLead, weights: s.weights === 'equal' ? undefined : s.weights, format })

/** The leapfrog cities with the sentences that sum them up. */
export function leapfrogResultView(lf: LeapfrogAnswerT): SafeHtml {
  const there = `「${lf.ranking.name}」排名`
  return html`${sentencesView(leapfrogSentences(lf))}
<p class="hint">统计期 ${periodText(lf)}；不在对方前 ${lf.ranking.size} 名之内的城市按第 ${lf.ranking.size + 1} 名计（它在对方可能的最好名次），领先名次因此不会被高估。</p>
${lf.rows.length > 0
  ? tableView(
      `领先 ${lf.minLead} 名及以上的城市（${lf.rows.length} 个）`,
      ['城市', '本指数排名', there, '领先名次'],
      lf.rows.map((r) => [r.name, r.ourRank, r.unrankedThere ? `未上榜（按第 ${r.theirRank} 名计）` : r.theirRank, r.lead]),
    )
  : ''}`
}

const HELP = html`<p>第一行是表头，列的顺序不限：排名列（<code>rank</code> 或「排名」），城市列（<code>city</code>、「城市」、<code>name</code>、<code>code</code> 或「城市代码」：城市名称按报告的写法即可，如「深圳」「深圳市」「甘孜州」「甘孜藏族自治州」「大兴安岭地区」「锡林郭勒盟」，或 6 位城市代码），可选的指数列（<code>value</code>、<code>index_value</code> 或「指数」；没有排名列时按指数从高到低排名）。之后每个城市一行。对不上本平台城市的名称会连同最相近的城市一起列出，并略过。</p>`
const EXAMPLE = '排名,城市,指数\n1,深圳,2.3041\n2,广州,2.1692\n3,长沙,1.3997'

/** Which imported ranking, how large a lead, which weights and period: one GET form. */
function choiceForm(s: LeapfrogState, rankings: readonly UploadSummaryT[], uploads: readonly UploadSummaryT[], shown: Partial<Period>, selected: string): SafeHtml {
  const extra = html`<label for="ranking">对比的排名</label>
<select id="ranking" name="ranking">${rankings.map((u) => html`<option value="${u.id}"${String(u.id) === selected ? html` selected` : ''}>${u.name}（${u.rows} 个城市，${formatTime(u.uploadedAt)}）</option>`)}</select>
<label for="minLead">至少领先的名次</label>
<input type="number" id="minLead" name="minLead" min="1" max="400" step="1" value="${s.minLead}" required>
${weightsSelect(uploads, s.weights)}`
  return periodForm({ action: ANALYST_PAGES.leapfrog, picked: s, shown, extra, extraValues: { ranking: selected, minLead: s.minLead, weights: s.weights } })
}

/** What came of an import: how many cities matched, the counties we do not list, and each row that matched nothing with the closest names. */
export function importedView(u: UploadSummaryT): SafeHtml {
  const unmatched = u.unmatched.map((r) => {
    const where = r.line === undefined ? '' : `第 ${r.line} 行`
    const hint = r.suggestions.length > 0 ? `：是否是 ${r.suggestions.map(suggestionText).join('、')}？` : '：没有相近的城市名称'
    return html`<li>${where}「${r.written}」${hint}</li>`
  })
  return html`<div class="notice" role="status"><p>已导入排名「${u.name}」：对应到本平台 ${u.rows} 个城市。</p>
${u.unlisted.length > 0 ? html`<p>${u.unlisted.length} 行是本平台未列为城市的县级单位，保留其名次、不参与比较：${u.unlisted.map((r) => `${r.written}（${r.fullName}，${r.code}）`).join('、')}</p>` : ''}
${unmatched.length > 0 ? html`<p>以下 ${unmatched.length} 行对不上本平台的城市，已略过；如属误写，请改正后重新导入：</p><ul>${unmatched}</ul>` : ''}</div>`
}

/** The leapfrog page's body: the import notice, the choices and the cities (when a ranking exists), and the import form. */
export function leapfrogView(o: { uploads: readonly UploadSummaryT[]; leapfrog?: ApiResult<LeapfrogAnswerT>; state: LeapfrogState; draft: UploadDraft }): SafeHtml {
  const rankings = uploadsOf(o.uploads, 'ranking')
  const selected = o.state.ranking ?? (rankings[0] ? String(rankings[0].id) : '')
  const imported = rankings.find((u) => u.id === o.state.uploaded)
  const lf = o.leapfrog
  const shown = lf?.ok ? lf.data : {}
  return html`${imported ? importedView(imported) : ''}
<p>黑马城市：在本指数中的排名比在另一份指数（例如已发布的城市排名）中领先至少 N 名的城市。先导入那份排名，再选择它和 N。</p>
${rankings.length > 0
  ? html`${choiceForm(o.state, rankings, o.uploads, shown, selected)}
${lf ? (lf.ok ? html`${leapfrogResultView(lf.data)}<div class="actions">${csvLink(csvPath('leapfrog', { ranking: selected, minLead: o.state.minLead, weights: o.state.weights === 'equal' ? undefined : o.state.weights, from: lf.data.from, to: lf.data.to }))}</div>` : failuresView('无法计算黑马城市', lf)) : ''}`
  : html`<p>还没有导入任何排名：请在下面导入一份。</p>`}
<section class="card no-print" aria-labelledby="import-title">
<h2 id="import-title">导入排名</h2>
${uploadFormView({ action: ANALYST_PAGES.leapfrog, draft: o.draft, help: HELP, example: EXAMPLE, submit: '导入排名' })}
</section>`
}

/** Reads what the page needs and renders it: the uploads, then the leapfrog cities of the chosen (or latest) ranking. */
async function render(user: ConsoleUser, state: LeapfrogState, draft: UploadDraft) {
  const uploads = await loadUploads(user)
  const list = uploads.ok ? uploads.data.uploads : []
  const ranking = state.ranking ?? (uploadsOf(list, 'ranking')[0]?.id.toString() ?? undefined)
  const leapfrog = ranking ? await user.api<LeapfrogAnswerT>('GET', leapfrogUrl({ ...state, ranking })) : undefined
  const body = html`<h1>黑马城市</h1>
${uploads.ok ? '' : apiErrorView(uploads.error, '无法读取已导入的排名')}
${leapfrogView({ uploads: list, state, draft, ...(leapfrog ? { leapfrog } : {}) })}`
  return { page: analystLayout(user, ANALYST_PAGES.leapfrog, '黑马城市', body), status: statusOf(uploads, ...(leapfrog ? [leapfrog] : [])) }
}

/** GET and POST /console/analyst/leapfrog. */
export const analystLeapfrogRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: RawQuery }>('/analyst/leapfrog', { schema: { hide: true } }, async (request, reply) => {
    const { page, status } = await render(request.consoleUser!, leapfrogState(request.query), EMPTY_DRAFT)
    return sendPage(reply, page, status)
  })
  app.post('/analyst/leapfrog', { schema: { hide: true } }, async (request, reply) => {
    const user = request.consoleUser!
    const sent = await submitUpload(user, 'ranking', request.body as FormBody)
    if (sent.ok) return reply.redirect(`${ANALYST_PAGES.leapfrog}?ranking=${sent.upload.id}&uploaded=${sent.upload.id}`, 303)
    return sendPage(reply, (await render(user, leapfrogState({}), sent.draft)).page, sent.status)
  })
}
