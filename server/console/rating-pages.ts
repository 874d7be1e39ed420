import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { SatisfactionAnswerT, SatisfactionDimension, TicketViewT } from '../../src/api/ratings'
import { ratingLabel } from '../../src/domain/rating-levels'
import { countText, percentText, statView, suppressionNote } from './analyst-format'
import { apiErrorView } from './api-error-view'
import type { ApiError } from './call-api'
import type { ConsoleUser } from './console-user'
import { field, type FormBody } from './form-fields'
import { formatTime } from './format'
import { html, type SafeHtml } from './html'
import { layout } from './layout'
import { requireConsoleRole } from './require-console-role'
import { sendPage } from './send-page'
import { statusPage } from './status-page'
import { tableView } from './table-view'

const hide = { schema: { hide: true } }
const STATE_LABELS: Record<TicketViewT['state'], string> = { open: '待处理', answered: '已答复', overdue: '已超期', voided: '评价已作废' }
const DECISION_LABELS = { upheld: '维持评价', voided: '评价作废' } as const
const DONE: Record<string, string> = { callback: '回访结果已提交，群众可以在办事记录中看到。', fix: '整改结果已提交，群众可以在办事记录中看到。', appeal: '申诉已提交，等待运营人员处理。' }

type TicketRequest = FastifyRequest<{ Params: { ticketId: string }; Querystring: { done?: string } }>

const answerView = (a: { text: string; at: string } | null, due: string) =>
  a ? html`${a.text}<div class="hint">${formatTime(a.at)}</div>` : html`<span class="hint">未答复（${formatTime(due)} 前）</span>`

/** A ticket's facts: the case and its rating (never who rated), deadlines, answers, follow-up, appeal. */
function ticketFacts(t: TicketViewT): SafeHtml {
  return html`<dl class="facts">
<dt>服务</dt><dd>${t.serviceName}</dd>
<dt>事项</dt><dd>${t.what}</dd>
<dt>评价</dt><dd>${ratingLabel(t.level)}（${t.level} 分）${t.tags.length ? html` · ${t.tags.join('、')}` : ''}</dd>
<dt>评价内容</dt><dd>${t.comment ?? '（无）'}</dd>
<dt>评价时间</dt><dd>${formatTime(t.ratedAt)}</dd>
<dt>状态</dt><dd>${STATE_LABELS[t.state]}</dd>
<dt>回访</dt><dd>${answerView(t.callback, t.callbackDue)}</dd>
<dt>整改</dt><dd>${answerView(t.fix, t.fixDue)}</dd>
<dt>追评</dt><dd>${t.followUp ? html`${ratingLabel(t.followUp.level)}${t.followUp.comment ? html` · ${t.followUp.comment}` : ''}` : '（无）'}</dd>
<dt>申诉</dt><dd>${t.appeal ? html`${t.appeal.reason}<div class="hint">${t.appeal.decision ? `${DECISION_LABELS[t.appeal.decision]}：${t.appeal.decisionReason ?? ''}` : '等待运营人员处理'}</div>` : '（无）'}</dd>
</dl>`
}

function ticketsTable(caption: string, tickets: TicketViewT[], href: (t: TicketViewT) => string): SafeHtml {
  return tableView(
    caption,
    ['工单', '服务', '事项', '评价', '回访期限', '整改期限', '状态'],
    tickets.map((t) => [html`<a href="${href(t)}">#${t.id}</a>`, t.serviceName, t.what, ratingLabel(t.level), formatTime(t.callbackDue), formatTime(t.fixDue), STATE_LABELS[t.state]]),
  )
}

async function renderTicket(request: TicketRequest, reply: FastifyReply, error?: ApiError, status = 200) {
  const user = request.consoleUser!
  const result = await user.api<{ ticket: TicketViewT }>('GET', `/v1/agency/tickets/${encodeURIComponent(request.params.ticketId)}`)
  if (!result.ok) return sendPage(reply, statusPage({ title: '找不到工单', text: '本机构没有这张整改工单。', user, body: apiErrorView(result.error) }), result.status)
  const t = result.data.ticket
  const base = `/console/agency/tickets/${t.id}`
  const form = (which: 'callback' | 'fix', label: string) =>
    html`<form method="post" action="${base}/${which}">
  <label for="${which}">${label}</label>
  <textarea id="${which}" name="text" rows="3" maxlength="500" required></textarea>
  <div class="actions"><button type="submit">提交${which === 'callback' ? '回访' : '整改'}结果</button></div>
</form>`
  const open = t.state !== 'voided'
  return sendPage(
    reply,
    layout({
      title: `整改工单 #${t.id}`,
      user,
      current: '/console/agency/tickets',
      body: html`<h1>整改工单 #${t.id}</h1>
${request.query.done && DONE[request.query.done] ? html`<p class="notice" role="status">${DONE[request.query.done]}</p>` : ''}
${error ? apiErrorView(error, '提交失败') : ''}
<section class="card">${ticketFacts(t)}</section>
${open && !t.callback ? html`<section class="card">${form('callback', '回访结果（群众会看到）')}</section>` : ''}
${open && !t.fix ? html`<section class="card">${form('fix', '整改结果（群众会看到）')}</section>` : ''}
${open && !t.appeal
  ? html`<section class="card"><form method="post" action="${base}/appeal">
  <label for="reason">申诉理由（评价与事实不符时，由运营人员裁定）</label>
  <textarea id="reason" name="reason" rows="3" maxlength="500" required></textarea>
  <div class="actions"><button type="submit" class="danger">提交申诉</button></div>
</form></section>`
  : ''}`,
    }),
    status,
  )
}

/**
 * 好差评 in the console: an agency's rectification tickets (answer the
 * callback and the fix, appeal); operators' overdue tickets and appeals to
 * decide; analysts' satisfaction tables.
 */
export const ratingPages: FastifyPluginAsync = async (app) => {
  app.register(async (agency) => {
    agency.addHook('preHandler', requireConsoleRole('agency'))

    agency.get('/agency/tickets', hide, async (request, reply) => {
      const user = request.consoleUser!
      const result = await user.api<{ tickets: TicketViewT[] }>('GET', '/v1/agency/tickets')
      return sendPage(
        reply,
        layout({
          title: '差评整改',
          user,
          current: '/console/agency/tickets',
          body: html`<h1>差评整改</h1>
<p class="hint">群众对本机构服务的不满意评价：1 个工作日内回访，15 个工作日内整改。这里只显示办理的事项，不显示评价人。</p>
${result.ok ? (result.data.tickets.length ? ticketsTable('整改工单（最新的在前）', result.data.tickets, (t) => `/console/agency/tickets/${t.id}`) : html`<p>还没有差评工单。</p>`) : apiErrorView(result.error, '无法读取工单')}`,
        }),
        result.ok ? 200 : result.status,
      )
    })

    agency.get('/agency/tickets/:ticketId', hide, (request: TicketRequest, reply) => renderTicket(request, reply))

    for (const which of ['callback', 'fix', 'appeal'] as const) {
      agency.post(`/agency/tickets/:ticketId/${which}`, hide, async (request: TicketRequest, reply) => {
        const user = request.consoleUser!
        const body = request.body as FormBody
        const payload = which === 'appeal' ? { reason: field(body, 'reason') } : { text: field(body, 'text') }
        const result = await user.api('POST', `/v1/agency/tickets/${encodeURIComponent(request.params.ticketId)}/${which}`, payload)
        if (!result.ok) return renderTicket(request, reply, result.error, result.status)
        return reply.redirect(`/console/agency/tickets/${encodeURIComponent(request.params.ticketId)}?done=${which}`, 303)
      })
    }
  })

  app.register(async (operator) => {
    operator.addHook('preHandler', requireConsoleRole('operator'))

    async function renderTickets(user: ConsoleUser, reply: FastifyReply, notice?: string, error?: ApiError, status = 200) {
      const [overdue, appeals] = await Promise.all([
        user.api<{ tickets: TicketViewT[] }>('GET', '/v1/admin/tickets?state=overdue'),
        user.api<{ tickets: TicketViewT[] }>('GET', '/v1/admin/appeals?pending=true'),
      ])
      const appealForm = (t: TicketViewT) =>
        html`<section class="card"><h3>${t.serviceName} · ${t.what} · ${ratingLabel(t.level)}</h3>
${ticketFacts(t)}
<form method="post" action="/console/admin/appeals/${t.appeal!.id}">
  <label for="reason-${t.appeal!.id}">裁定理由（写入审计日志）</label>
  <textarea id="reason-${t.appeal!.id}" name="reason" rows="2" maxlength="500" required></textarea>
  <div class="actions"><button type="submit" name="decision" value="upheld">维持评价</button> <button type="submit" name="decision" value="voided" class="danger">评价作废</button></div>
</form></section>`
      return sendPage(
        reply,
        layout({
          title: '差评整改',
          user,
          current: '/console/admin/tickets',
          body: html`<h1>差评整改</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${error ? apiErrorView(error, '裁定失败') : ''}
<h2>超期未答复的工单</h2>
${overdue.ok ? (overdue.data.tickets.length ? ticketsTable('超期工单（回访或整改已过期限仍未答复）', overdue.data.tickets, (t) => `#ticket-${t.id}`) : html`<p>没有超期工单。</p>`) : apiErrorView(overdue.error, '无法读取工单')}
<h2>待裁定的申诉</h2>
${appeals.ok ? (appeals.data.tickets.length ? appeals.data.tickets.map(appealForm) : html`<p>没有待裁定的申诉。</p>`) : apiErrorView(appeals.error, '无法读取申诉')}`,
        }),
        status,
      )
    }

    operator.get('/admin/tickets', hide, async (request: FastifyRequest<{ Querystring: { done?: string } }>, reply) =>
      renderTickets(request.consoleUser!, reply, request.query.done ? '已裁定，理由已写入审计日志。' : undefined),
    )

    operator.post('/admin/appeals/:appealId', hide, async (request: FastifyRequest<{ Params: { appealId: string } }>, reply) => {
      const user = request.consoleUser!
      const body = request.body as FormBody
      const result = await user.api('POST', `/v1/admin/appeals/${encodeURIComponent(request.params.appealId)}/decision`, { decision: field(body, 'decision'), reason: field(body, 'reason') })
      if (!result.ok) return renderTickets(user, reply, undefined, result.error, result.status)
      return reply.redirect('/console/admin/tickets?done=1', 303)
    })
  })

  app.register(async (analyst) => {
    analyst.addHook('preHandler', requireConsoleRole('analyst'))
    const DIMENSIONS: [SatisfactionDimension, string][] = [['service', '服务'], ['agency', '部门'], ['domain', '领域'], ['city', '城市']]

    analyst.get('/analyst/satisfaction', hide, async (request, reply) => {
      const user = request.consoleUser!
      const results = await Promise.all(DIMENSIONS.map(([by]) => user.api<SatisfactionAnswerT>('GET', `/v1/stats/satisfaction?by=${by}`)))
      const section = ([by, label]: [SatisfactionDimension, string], i: number) => {
        const r = results[i]!
        if (!r.ok) return apiErrorView(r.error, `无法读取按${label}的满意度`)
        const a = r.data
        return html`<section class="card"><h2>按${label}</h2>
${tableView(`${a.from} 至 ${a.to} 按${label}的好差评满意度`, [label, '评价数', '满意率（4–5 分）', '平均分'], a.rows.map((row) => [row.name, statView(row.ratings, countText, a.k), statView(row.satisfiedShare, (x) => percentText(x, 1), a.k), statView(row.mean, (x) => x.toFixed(2), a.k)]))}
<p><a class="download" href="/console/analyst/satisfaction/${by}.csv" download>下载 CSV</a></p></section>`
      }
      return sendPage(
        reply,
        layout({
          title: '好差评满意度',
          user,
          current: '/console/analyst/satisfaction',
          body: html`<h1>好差评满意度</h1>
${results[0]!.ok ? suppressionNote(results[0]!.data.k) : ''}
${DIMENSIONS.map(section)}`,
        }),
        results.find((r) => !r.ok)?.status ?? 200,
      )
    })

    analyst.get('/analyst/satisfaction/:by.csv', hide, async (request: FastifyRequest<{ Params: { by: string } }>, reply) => {
      const user = request.consoleUser!
      const by = DIMENSIONS.find(([d]) => d === request.params.by)?.[0]
      if (!by) return sendPage(reply, statusPage({ title: '找不到页面', text: '没有这种分组。', user }), 404)
      const result = await user.api<string>('GET', `/v1/stats/satisfaction?by=${by}&format=csv`)
      if (!result.ok) return sendPage(reply, statusPage({ title: '无法下载', text: '读取满意度时出错。', user, body: apiErrorView(result.error) }), result.status)
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="onecity-satisfaction-${by}.csv"`).send(result.data)
    })
  })
}
