import type { AuditRow } from '../modules/onboarding/repository'
import type { FastifyPluginAsync } from 'fastify'
import { apiErrorView } from './api-error-view'
import { formatTime } from './format'
import { html, type SafeHtml } from './html'
import { labels } from './labels'
import { layout } from './layout'
import { requireConsoleRole } from './require-console-role'
import { sendPage } from './send-page'
import { tableView } from './table-view'

type AuditEntry = AuditRow

const LIMIT = 200

// The details the platform records today get words; anything newer is shown as its JSON.
function detailView(detail: Record<string, unknown>): SafeHtml {
  return html`${Object.entries(detail ?? {}).map(([key, value]) => {
    if (key === 'reasons' && Array.isArray(value)) return html`<div>原因：<ul>${value.map((r) => html`<li>${String(r)}</li>`)}</ul></div>`
    if (key === 'reason') return html`<div>原因：${String(value)}</div>`
    if (key === 'submissionId' && typeof value === 'number') return html`<div><a href="/console/admin/submissions/${value}">提交 #${value}</a></div>`
    return html`<div><code>${key}</code>：${typeof value === 'string' ? value : JSON.stringify(value)}</div>`
  })}`
}

/** The operator's audit log: every submission and decision, newest first. */
export const adminAuditPage: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', requireConsoleRole('operator'))

  app.get('/admin/audit', { schema: { hide: true } }, async (request, reply) => {
    const user = request.consoleUser!
    const result = await user.api<{ entries: AuditEntry[] }>('GET', `/v1/admin/audit?limit=${LIMIT}`)
    const entries = result.ok ? result.data.entries : []
    return sendPage(
      reply,
      layout({
        title: '审计日志',
        user,
        current: '/console/admin/audit',
        body: html`<h1>审计日志</h1>
${result.ok ? '' : apiErrorView(result.error, '无法读取审计日志')}
${result.ok
  ? entries.length > 0
    ? tableView(
        `最近 ${entries.length} 条记录（最新的在前，最多 ${LIMIT} 条）`,
        ['时间', '操作者', '操作', '对象', '详情'],
        entries.map((e) => [formatTime(e.at), html`<code>${e.actor}</code>`, labels.auditAction(e.action), html`<code>${e.subject}</code>`, detailView(e.detail)]),
      )
    : html`<p>还没有记录。</p>`
  : ''}`,
      }),
      result.ok ? 200 : result.status,
    )
  })
}
