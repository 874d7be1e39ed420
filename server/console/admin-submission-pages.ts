import type { SubmissionRow } from '../modules/onboarding/repository'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { apiErrorView } from './api-error-view'
import type { ApiError } from './call-api'
import type { ConsoleUser } from './console-user'
import { field, type FormBody } from './form-fields'
import { coverageText, formatTime } from './format'
import { html, type SafeHtml } from './html'
import { labels } from './labels'
import { layout } from './layout'
import { manifestSummaryView } from './manifest-summary-view'
import { requireConsoleRole } from './require-console-role'
import { type Review, type ReviewSummary, reviewSummaryView, reviewView } from './review-view'
import { sendPage } from './send-page'
import { statusPage } from './status-page'
import { tableView } from './table-view'

/** A row of GET /v1/admin/submissions. */
type Submission = SubmissionRow

/** GET /v1/admin/submissions/:id: the row plus the manifest as submitted. */
type SubmissionDetail = Submission & { manifest: Record<string, unknown> | null }

const STATUSES = ['in-review', 'listed', 'rejected', 'superseded'] as const
type SubmissionStatus = (typeof STATUSES)[number]
const isStatus = (s: string | undefined): s is SubmissionStatus => (STATUSES as readonly string[]).includes(s ?? '')

const DONE: Record<string, string> = { review: '已重新排队审核，结果出来前页面会自动刷新。', list: '已上架：服务已出现在其覆盖的每个城市。', reject: '已驳回，机构可以看到驳回原因。', suspend: '服务已暂停，已从所有城市的目录中移除。' }

type IdRequest = FastifyRequest<{ Params: { id: string }; Querystring: { done?: string } }>

const hide = { hide: true }
const pagePath = (id: number) => `/console/admin/submissions/${id}`

function loadSubmission(user: ConsoleUser, id: number) {
  return user.api<SubmissionDetail>('GET', `/v1/admin/submissions/${id}`)
}

interface PageState {
  notice?: string
  error?: ApiError
  reasonsText?: string
  suspendReason?: string
}

function submissionPage(user: ConsoleUser, s: SubmissionDetail, review: ReturnType<typeof reviewView>, state: PageState): SafeHtml {
  const reasons = s.reasons ?? []
  return layout({
    title: `提交 #${s.id}`,
    user,
    ...(review.inProgress ? { refreshSeconds: 3 } : {}),
    body: html`<h1>提交 #${s.id}：${s.name}</h1>
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ''}
${state.error ? apiErrorView(state.error) : ''}
<section class="card" aria-labelledby="facts-title">
<h2 id="facts-title">提交概况</h2>
<dl class="facts">
  <dt>服务</dt><dd>${s.name}（<code>${s.serviceId}</code>）</dd>
  <dt>机构</dt><dd><code>${s.agencyId}</code></dd>
  <dt>领域</dt><dd>${labels.domain(s.domain)}</dd>
  <dt>合约</dt><dd><code>${s.contract}</code></dd>
  <dt>覆盖范围</dt><dd>${coverageText(s.coverage)}</dd>
  <dt>状态</dt><dd>${labels.submissionStatus(s.status)}</dd>
  <dt>提交时间</dt><dd>${formatTime(s.submittedAt)}</dd>
  <dt>处理时间</dt><dd>${formatTime(s.decidedAt)}</dd>
</dl>
${reasons.length > 0 ? html`<h3>驳回原因</h3><ul>${reasons.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
</section>
<section class="card" aria-labelledby="review-title">
<h2 id="review-title">审核结果</h2>
${review.view}
${s.status === 'in-review' || s.status === 'listed'
  ? html`<form method="post" action="${pagePath(s.id)}/review"><p class="hint">机构修复问题后可重新审核。</p><button type="submit" class="secondary">重新审核</button></form>`
  : ''}
</section>
${s.status === 'in-review'
  ? html`<section class="card" aria-labelledby="decide-title">
<h2 id="decide-title">处理</h2>
<form method="post" action="${pagePath(s.id)}/list">
  <p class="hint">上架后服务出现在其覆盖的每个城市；需要审核通过。</p>
  <button type="submit">上架</button>
</form>
<form method="post" action="${pagePath(s.id)}/reject">
  <label for="reasons">驳回原因（每行一条，机构会看到）</label>
  <textarea id="reasons" name="reasons" rows="4" required>
${state.reasonsText ?? ''}</textarea>
  <div class="actions"><button type="submit" class="danger">驳回</button></div>
</form>
</section>`
  : ''}
<section class="card" aria-labelledby="manifest-title">
<h2 id="manifest-title">提交的清单</h2>
${manifestSummaryView(s.manifest)}
</section>
${s.status === 'listed' || state.suspendReason !== undefined
  ? html`<section class="card" aria-labelledby="suspend-title">
<h2 id="suspend-title">暂停服务</h2>
<form method="post" action="${pagePath(s.id)}/suspend">
  <label for="suspend-reason">暂停原因</label>
  <input type="text" id="suspend-reason" name="reason" maxlength="200" required value="${state.suspendReason ?? ''}" aria-describedby="suspend-hint">
  <p class="hint" id="suspend-hint">暂停服务 <code>${s.serviceId}</code>：它会从所有城市的目录中移除。</p>
  <div class="actions"><button type="submit" class="danger">暂停服务</button></div>
</form>
</section>`
  : ''}
<p><a href="/console/admin">返回审核队列</a></p>`,
  })
}

/** Finds the submission of the URL and renders its page, or the reason it cannot. */
async function renderSubmission(request: IdRequest, reply: FastifyReply, state: PageState, status = 200) {
  const user = request.consoleUser!
  const id = Number(request.params.id)
  const [found, review] = await Promise.all([loadSubmission(user, id), user.api<{ review: Review | null }>('GET', `/v1/admin/submissions/${id}/review`)])
  if (!found.ok) {
    const missing = found.status === 404
    const page = statusPage({ title: missing ? '找不到提交' : '无法读取提交', text: missing ? `没有编号为 ${id} 的提交。` : '读取提交时出错。', user, body: apiErrorView(found.error) })
    return sendPage(reply, page, found.status)
  }
  return sendPage(reply, submissionPage(user, found.data, reviewView(review), state), status)
}

/**
 * Runs a decision on the submission of the URL: success returns to its page
 * with a notice (post/redirect/get), failure shows the API's error there with
 * what the operator typed kept.
 */
async function decide(request: IdRequest, reply: FastifyReply, action: 'review' | 'list' | 'reject' | 'suspend', payload: unknown, kept: PageState) {
  const user = request.consoleUser!
  const id = Number(request.params.id)
  let url = `/v1/admin/submissions/${id}/${action}`
  if (action === 'suspend') {
    // Suspending acts on the service, named by the submission.
    const found = await loadSubmission(user, id)
    if (!found.ok) return renderSubmission(request, reply, {}, found.status)
    url = `/v1/admin/services/${encodeURIComponent(found.data.serviceId)}/suspend`
  }
  const result = await user.api('POST', url, payload)
  if (!result.ok) return renderSubmission(request, reply, { ...kept, error: result.error }, result.status)
  return reply.redirect(`${pagePath(id)}?done=${action}`, 303)
}

/** The operator's review queue, one submission's page with its review, and the list / reject / suspend decisions. */
export const adminSubmissionPages: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', requireConsoleRole('operator'))
  app.addHook('preHandler', async (request: FastifyRequest, reply) => {
    const id = (request.params as { id?: string }).id
    if (id !== undefined && !/^[1-9][0-9]{0,9}$/.test(id)) {
      return sendPage(reply, statusPage({ title: '找不到提交', text: '提交编号不正确。', user: request.consoleUser! }), 404)
    }
  })

  app.get('/admin', { schema: hide }, async (request: FastifyRequest<{ Querystring: { status?: string } }>, reply) => {
    const user = request.consoleUser!
    const status: SubmissionStatus = isStatus(request.query.status) ? request.query.status : 'in-review'
    const result = await user.api<{ submissions: Submission[] }>('GET', `/v1/admin/submissions?status=${status}`)
    const submissions = result.ok ? result.data.submissions : []
    const head = ['编号', '服务', '机构', '领域', '合约', '覆盖范围', '提交时间', '审核', '操作']
    const rows = submissions.map((s) => [
      `#${s.id}`,
      html`${s.name}<br><code>${s.serviceId}</code>`,
      html`<code>${s.agencyId}</code>`,
      labels.domain(s.domain),
      html`<code>${s.contract}</code>`,
      coverageText(s.coverage),
      formatTime(s.submittedAt),
      reviewSummaryView(s.review),
      html`<a href="${pagePath(s.id)}">查看提交 #${s.id}</a>`,
    ])
    return sendPage(
      reply,
      layout({
        title: '审核队列',
        user,
        current: '/console/admin',
        body: html`<h1>审核队列</h1>
<nav aria-label="按状态筛选"><ul class="filters">${STATUSES.map(
          (st) => html`<li><a href="/console/admin?status=${st}"${st === status ? html` aria-current="page"` : ''}>${labels.submissionStatus(st)}</a></li>`,
        )}</ul></nav>
${result.ok ? '' : apiErrorView(result.error, '无法读取提交列表')}
${submissions.length > 0
  ? tableView(`${labels.submissionStatus(status)}的提交（共 ${submissions.length} 个，最早的在前）`, head, rows)
  : result.ok ? html`<p>没有${labels.submissionStatus(status)}的提交。</p>` : ''}`,
      }),
      result.ok ? 200 : result.status,
    )
  })

  app.get('/admin/submissions/:id', { schema: hide }, async (request: IdRequest, reply) => {
    const done = request.query.done
    return renderSubmission(request, reply, done && Object.hasOwn(DONE, done) ? { notice: DONE[done]! } : {})
  })

  app.post('/admin/submissions/:id/review', { schema: hide }, (request: IdRequest, reply) => decide(request, reply, 'review', undefined, {}))

  app.post('/admin/submissions/:id/list', { schema: hide }, (request: IdRequest, reply) =>
    decide(request, reply, 'list', undefined, {}),
  )

  app.post('/admin/submissions/:id/reject', { schema: hide }, (request: IdRequest, reply) => {
    const reasonsText = field(request.body as FormBody, 'reasons')
    // One reason per line; blank lines are layout, not reasons.
    const reasons = reasonsText.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
    return decide(request, reply, 'reject', { reasons }, { reasonsText })
  })

  app.post('/admin/submissions/:id/suspend', { schema: hide }, (request: IdRequest, reply) => {
    const reason = field(request.body as FormBody, 'reason').trim()
    return decide(request, reply, 'suspend', { reason }, { suspendReason: reason })
  })
}
