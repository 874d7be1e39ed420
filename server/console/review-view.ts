import type { CheckOutcome } from '../../src/domain/quality-stars'
import type { Review, ReviewSummaryT as ReviewSummary } from '../../src/api/review'
import type { ApiResult } from './call-api'
import { apiErrorView } from './api-error-view'
import { formatTime, starsView } from './format'
import { html, type SafeHtml } from './html'
import { labels } from './labels'
import { tableView } from './table-view'


/** A quality review as GET /v1/agency/services/:id/review and GET /v1/admin/submissions/:id/review answer it. */
export type { Review, ReviewSummaryT as ReviewSummary } from '../../src/api/review'

const OUTCOME_CLASS: Record<string, string> = { pass: 'pass', fail: 'fail', 'not-applicable': 'na' }
const OUTCOME_MARK: Record<string, string> = { pass: '✓', fail: '✗', 'not-applicable': '–' }

function outcomeBadge(outcome: string): SafeHtml {
  return html`<span class="badge ${OUTCOME_CLASS[outcome] ?? 'na'}"><span aria-hidden="true">${OUTCOME_MARK[outcome] ?? '?'}</span> ${labels.outcome(outcome)}</span>`
}

function verdictBadge(passed: boolean | null): SafeHtml {
  if (passed === null) return html`<span class="badge na">未定</span>`
  return passed ? html`<span class="badge pass">✓ 通过</span>` : html`<span class="badge fail">✗ 未通过</span>`
}

const isRunning = (status: string) => status === 'queued' || status === 'running'

/**
 * A review with every check and its evidence, so an agency knows what to fix.
 * Until the review endpoints exist they answer 404, shown like "no review
 * yet"; a review still queued or running asks the page to refresh itself.
 */
export function reviewView(result: ApiResult<{ review: Review | null }>): { view: SafeHtml; inProgress: boolean } {
  if (!result.ok) {
    if (result.status === 404) return { view: html`<p>暂无审核结果。</p>`, inProgress: false }
    return { view: apiErrorView(result.error, '无法读取审核结果'), inProgress: false }
  }
  const review = result.data?.review
  if (!review) return { view: html`<p>暂无审核结果。</p>`, inProgress: false }

  const checks = review.checks ?? []
  const count = (o: CheckOutcome) => checks.filter((c) => c.outcome === o).length
  const inProgress = isRunning(review.status)
  const view = html`
${inProgress ? html`<p class="notice" role="status"><span class="badge pending">审核进行中</span> 页面每 3 秒自动刷新。</p>` : ''}
${review.status === 'error' ? html`<p class="alert" role="alert">审核出错，未能完成全部检查。</p>` : ''}
<dl class="facts">
  <dt>状态</dt><dd>${labels.reviewStatus(review.status)}</dd>
  <dt>结论</dt><dd>${inProgress ? '—' : verdictBadge(review.passed)}</dd>
  <dt>星级</dt><dd>${starsView(review.stars)}</dd>
  <dt>触发方式</dt><dd>${labels.reviewTrigger(review.trigger)}</dd>
  <dt>对应提交</dt><dd>${review.submissionId == null ? '—' : `#${review.submissionId}`}</dd>
  <dt>开始时间</dt><dd>${formatTime(review.startedAt)}</dd>
  <dt>完成时间</dt><dd>${formatTime(review.finishedAt)}</dd>
</dl>
${checks.length > 0
  ? html`<p>共 ${checks.length} 项检查：通过 ${count('pass')} 项，未通过 ${count('fail')} 项，不适用 ${count('not-applicable')} 项。</p>
${tableView(
  '每项检查的结果与证据',
  ['检查项', '标识', '结果', '证据'],
  checks.map((c) => [
    c.label,
    html`<code>${c.id}</code>`,
    outcomeBadge(c.outcome),
    (c.evidence ?? []).length > 0 ? html`<ul>${c.evidence.map((line) => html`<li>${line}</li>`)}</ul>` : '—',
  ]),
)}`
  : html`<p>尚无检查结果。</p>`}`
  return { view, inProgress }
}

/** One cell's worth of a review: in progress, or verdict with stars and when. */
export function reviewSummaryView(summary: ReviewSummary | null | undefined): SafeHtml {
  if (!summary) return html`暂无审核`
  if (isRunning(summary.status)) return html`<span class="badge pending">审核进行中</span>`
  if (summary.status === 'error') return html`<span class="badge fail">审核出错</span>`
  return html`${verdictBadge(summary.passed)} ${starsView(summary.stars)}<br><span class="hint">${formatTime(summary.finishedAt)}</span>`
}
