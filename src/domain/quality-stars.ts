/** The platform's 21 quality checks (02-services.md), in the order the review report shows them. */
export const QUALITY_CHECKS = [
  { id: 'available', label: '可用', how: 'endpoint answers' },
  { id: 'uptime', label: '稳定', how: 'failure rate over the last 30 days ≤ 0.5%' },
  { id: 'speed', label: '访问速度', how: 'p95 latency of the conformance calls ≤ 800 ms' },
  { id: 'load', label: '压力测试', how: '20 concurrent requests for 10 s with < 1% errors' },
  { id: 'contract', label: '接口规范', how: 'passes every conformance case of its contract' },
  { id: 'errors', label: '错误处理', how: 'bad inputs get structured errors, not 5xx' },
  { id: 'signature', label: '请求签名', how: 'rejects unsigned and replayed requests' },
  { id: 'transport', label: '传输安全', how: 'HTTPS in production (loopback exempt in dev)' },
  { id: 'pii-masking', label: '信息脱敏', how: 'responses never echo full ID numbers or phones' },
  { id: 'mobile-fit', label: 'H5 适配', how: 'viewport meta, no horizontal scroll at 375 px' },
  { id: 'no-ads', label: '无广告', how: 'no known ad/tracker hosts; declared in manifest' },
  { id: 'docs', label: '说明文档', how: '办事指南 present: materials, fees, time limit' },
  { id: 'records', label: '办事记录', how: 'transaction items keep records the citizen can see' },
  { id: 'progress', label: '办理进度', how: 'transaction items expose status/progress' },
  { id: 'payment', label: '支付', how: 'fee-bearing items take online payment' },
  { id: 'support', label: '客服帮助', how: 'hotline or online contact' },
  { id: 'notify', label: '结果通知', how: 'result notification (subscribe message)' },
  { id: 'real-name', label: '实名认证', how: 'personal data only after real-name verification' },
  { id: 'privacy', label: '隐私声明', how: 'privacy notice for the service' },
  { id: 'feedback', label: '好差评', how: 'takes citizen ratings and answers bad ones' },
  { id: 'elder', label: '适老化', how: 'elder-friendly: large text, no pop-ups' },
] as const

export type CheckId = (typeof QUALITY_CHECKS)[number]['id']
export type CheckOutcome = 'pass' | 'fail' | 'not-applicable'

/** Checks whose failure caps a service at 2 stars: it does not work, or not as its contract says. */
const CAPPING_CHECKS: readonly CheckId[] = ['available', 'contract']

/**
 * Stars from the 21 check outcomes (02-services.md): checks that do not apply
 * count as passed; the share passed gives ≥ 90% → 5, ≥ 75% → 4, ≥ 60% → 3,
 * ≥ 40% → 2, else 1; failing `available` or `contract` caps the result at 2.
 * A check with no outcome counts as failed, so a partial review never flatters.
 */
export function starsFor(outcomes: Partial<Record<CheckId, CheckOutcome>>): 1 | 2 | 3 | 4 | 5 {
  const passed = QUALITY_CHECKS.filter(({ id }) => outcomes[id] === 'pass' || outcomes[id] === 'not-applicable').length
  const share = passed / QUALITY_CHECKS.length
  const stars = share >= 0.9 ? 5 : share >= 0.75 ? 4 : share >= 0.6 ? 3 : share >= 0.4 ? 2 : 1
  return CAPPING_CHECKS.some((id) => outcomes[id] === 'fail' || outcomes[id] === undefined) ? (Math.min(stars, 2) as 1 | 2) : stars
}

/** One check of a review: its outcome and the evidence that shows why, so an agency knows what to fix. */
export interface CheckResult {
  id: CheckId
  outcome: CheckOutcome
  evidence: string[]
}

/** Checks whose failure blocks listing without capping the stars: an endpoint the platform must not call (02-services.md). */
const BLOCKING_CHECKS: readonly CheckId[] = ['transport']

/**
 * A review passes when nothing caps it (the service answers and keeps its
 * contract) and its transport is allowed (https, a public address in
 * production). Listing needs a passed review.
 */
export function reviewPassed(checks: readonly CheckResult[]): boolean {
  const fails = (id: CheckId) => checks.find((c) => c.id === id)?.outcome === 'fail'
  return CAPPING_CHECKS.every((id) => !fails(id) && checks.some((c) => c.id === id)) && !BLOCKING_CHECKS.some(fails)
}
