import type { AgencyServiceRow } from '../modules/onboarding/repository'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { AgencyStatsAnswerT } from '../../src/api/agency-stats'
import { agencyStatsPage } from './agency-stats-page'
import { periodOf, queryString } from './analyst-query'
import { apiErrorView } from './api-error-view'
import type { ConsoleUser } from './console-user'
import { field, type FormBody } from './form-fields'
import { coverageText, formatTime, starsView } from './format'
import { html, type SafeHtml } from './html'
import { labels } from './labels'
import { layout } from './layout'
import { manifestFormPage } from './manifest-form-page'
import { manifestSummaryView } from './manifest-summary-view'
import { manifestTemplate } from './manifest-template'
import { requireConsoleRole } from './require-console-role'
import { type Review, type ReviewSummary, reviewSummaryView, reviewView } from './review-view'
import { sendPage } from './send-page'
import { statusPage } from './status-page'
import { tableView } from './table-view'

/** A row of GET /v1/agency/services (GET /v1/agency/services/:id adds `manifest`). */
type AgencyService = AgencyServiceRow & { manifest?: Record<string, unknown> | null }

type IdRequest = FastifyRequest<{ Params: { id: string }; Querystring: { submitted?: string } }>

const hide = { hide: true }
// The API's service id pattern; anything else cannot name a service, and must not be pasted into an API path.
const SERVICE_ID = /^[a-z0-9][a-z0-9-]{1,62}$/
const servicePath = (id: string) => `/console/agency/services/${encodeURIComponent(id)}`
const serviceApi = (id: string) => `/v1/agency/services/${encodeURIComponent(id)}`

/** Sends the manifest as typed; on any refusal the form comes back with the same text and every problem. */
async function submitManifest(request: FastifyRequest, reply: FastifyReply, serviceId?: string) {
  const user = request.consoleUser!
  const text = field(request.body as FormBody, 'manifest')
  const again = (error: Parameters<typeof manifestFormPage>[0]['error'], status: number) =>
    sendPage(reply, manifestFormPage({ user, text, error, ...(serviceId !== undefined ? { serviceId } : {}) }), status)
  let manifest: unknown
  try {
    manifest = JSON.parse(text)
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err)
    return again({ code: 'INVALID_JSON', message: '清单不是有效的 JSON，请检查逗号、引号和括号', details: [{ path: '(JSON)', message }] }, 400)
  }
  const result = await user.api<{ serviceId: string }>('POST', '/v1/agency/services', manifest)
  if (!result.ok) return again(result.error, result.status)
  return reply.redirect(`${servicePath(result.data.serviceId)}?submitted=1`, 303)
}

/** Why the operator turned the latest manifest down, above everything else on the page: it is what the agency must fix. */
function rejectionView(sub: NonNullable<AgencyService['submission']>): SafeHtml {
  const reasons = sub.reasons ?? []
  return html`<section class="alert" aria-labelledby="rejected-title">
<h2 id="rejected-title">提交 #${sub.id} 已被驳回</h2>
<p>运营人员于 ${formatTime(sub.decidedAt)} 驳回了这份清单${reasons.length > 0 ? '，原因如下' : ''}。请修改清单后重新提交。</p>
${reasons.length > 0 ? html`<ul>${reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
</section>`
}

async function loadService(user: ConsoleUser, id: string) {
  return user.api<AgencyService>('GET', serviceApi(id))
}

/** An agency's pages: its services, one service with its review, and the manifest form (new or edit). */
export const agencyPages: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', requireConsoleRole('agency'))
  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    const id = (request.params as { id?: string }).id
    if (id !== undefined && !SERVICE_ID.test(id)) {
      return sendPage(reply, statusPage({ title: '找不到服务', text: '服务标识不正确。', user: request.consoleUser! }), 404)
    }
  })

  app.get('/agency', { schema: hide }, async (request, reply) => {
    const user = request.consoleUser!
    const result = await user.api<{ services: AgencyService[] }>('GET', '/v1/agency/services')
    const services = result.ok ? result.data.services : []
    const head = ['服务', '标识', '状态', '星级', '最近提交', '最近审核']
    const rows = services.map((s) => [
      html`<a href="${servicePath(s.id)}">${s.name}</a>`,
      html`<code>${s.id}</code>`,
      labels.serviceStatus(s.status),
      starsView(s.stars),
      s.submission ? html`#${s.submission.id} ${labels.submissionStatus(s.submission.status)}<br><span class="hint">${formatTime(s.submission.submittedAt)}</span>` : '—',
      reviewSummaryView(s.review),
    ])
    return sendPage(
      reply,
      layout({
        title: '我的服务',
        user,
        current: '/console/agency',
        body: html`<h1>我的服务</h1>
${result.ok ? '' : apiErrorView(result.error, '无法读取服务列表')}
<div class="actions"><a href="/console/agency/services/new">提交新服务</a></div>
${services.length > 0 ? tableView(`本机构的服务（共 ${services.length} 个）`, head, rows) : result.ok ? html`<p>还没有服务。点击“提交新服务”提交第一份服务清单。</p>` : ''}`,
      }),
      result.ok ? 200 : result.status,
    )
  })

  app.get('/agency/services/new', { schema: hide }, async (request, reply) => {
    const user = request.consoleUser!
    return sendPage(reply, manifestFormPage({ user, text: manifestTemplate(user) }))
  })
  app.post('/agency/services/new', { schema: hide }, (request, reply) => submitManifest(request, reply))

  app.get('/agency/services/:id/edit', { schema: hide }, async (request: IdRequest, reply) => {
    const user = request.consoleUser!
    const result = await loadService(user, request.params.id)
    if (!result.ok) {
      return sendPage(reply, statusPage({ title: '无法修改此服务', text: '读取服务时出错。', user, body: apiErrorView(result.error) }), result.status)
    }
    const text = result.data.manifest ? JSON.stringify(result.data.manifest, null, 2) : manifestTemplate(user)
    return sendPage(reply, manifestFormPage({ user, serviceId: result.data.id, text }))
  })
  app.post('/agency/services/:id/edit', { schema: hide }, (request: IdRequest, reply) => submitManifest(request, reply, request.params.id))

  app.get('/agency/services/:id', { schema: hide }, async (request: IdRequest, reply) => {
    const user = request.consoleUser!
    const id = request.params.id
    const [service, review] = await Promise.all([loadService(user, id), user.api<{ review: Review | null }>('GET', `${serviceApi(id)}/review`)])
    if (!service.ok) {
      return sendPage(reply, statusPage({ title: '找不到服务', text: '本机构没有这个服务，或暂时无法读取。', user, body: apiErrorView(service.error) }), service.status)
    }
    const s = service.data
    const { view, inProgress } = reviewView(review)
    const sub = s.submission
    return sendPage(
      reply,
      layout({
        title: s.name,
        user,
        ...(inProgress ? { refreshSeconds: 3 } : {}),
        body: html`<h1>${s.name}</h1>
${request.query.submitted && sub?.status === 'in-review'
  ? html`<p class="notice" role="status">${inProgress ? '清单已提交，正在进行质量审核。' : '清单已提交，质量审核已完成（结果见下方）；审核通过后由运营人员上架。'}</p>`
  : ''}
${sub?.status === 'rejected' ? rejectionView(sub) : ''}
<section class="card" aria-labelledby="facts-title">
<h2 id="facts-title">服务概况</h2>
<dl class="facts">
  <dt>标识</dt><dd><code>${s.id}</code></dd>
  <dt>状态</dt><dd>${labels.serviceStatus(s.status)}</dd>
  <dt>星级</dt><dd>${starsView(s.stars)}</dd>
  <dt>领域</dt><dd>${labels.domain(s.domain)}</dd>
  <dt>覆盖范围</dt><dd>${coverageText(s.coverage)}</dd>
  <dt>最近提交</dt><dd>${sub ? html`#${sub.id} ${labels.submissionStatus(sub.status)}（提交于 ${formatTime(sub.submittedAt)}）` : '—'}</dd>
  <dt>处理时间</dt><dd>${formatTime(sub?.decidedAt)}</dd>
  <dt>更新时间</dt><dd>${formatTime(s.updatedAt)}</dd>
</dl>
<div class="actions"><a href="${servicePath(s.id)}/edit">修改清单并重新提交</a> <a href="${servicePath(s.id)}/stats">使用情况与故障率</a></div>
</section>
<section class="card" aria-labelledby="review-title">
<h2 id="review-title">审核结果</h2>
${view}
</section>
<section class="card" aria-labelledby="manifest-title">
<h2 id="manifest-title">最近提交的清单</h2>
${manifestSummaryView(s.manifest)}
</section>`,
      }),
    )
  })

  app.get('/agency/services/:id/stats', { schema: hide }, async (request: FastifyRequest<{ Params: { id: string }; Querystring: Record<string, string | string[] | undefined> }>, reply) => {
    const user = request.consoleUser!
    const id = request.params.id
    const picked = periodOf(request.query)
    const result = await user.api<AgencyStatsAnswerT>('GET', `${serviceApi(id)}/stats${queryString({ ...picked })}`)
    return sendPage(reply, agencyStatsPage({ user, serviceId: id, servicePath: servicePath(id), picked, result }), result.ok ? 200 : result.status)
  })
}
