import type { AgencyStatsAnswerT } from '../../src/api/agency-stats'
import { countText, percentText, periodText, statView, suppressionNote } from './analyst-format'
import { type Period, periodForm } from './analyst-query'
import { trendChart } from './charts/trend-chart'
import type { ApiResult } from './call-api'
import type { ConsoleUser } from './console-user'
import { formatTime } from './format'
import { html, type SafeHtml } from './html'
import { layout } from './layout'
import { tableView } from './table-view'
import { apiErrorView } from './api-error-view'
import { statusPage } from './status-page'

/** Seconds as people say them: 600 → "10 分钟", 5400 → "1 小时 30 分钟", 0 → "无". */
export function durationText(seconds: number): string {
  if (seconds <= 0) return '无'
  const minutes = Math.round(seconds / 60)
  if (minutes < 1) return `${Math.round(seconds)} 秒`
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  return h === 0 ? `${m} 分钟` : m === 0 ? `${h} 小时` : `${h} 小时 ${m} 分钟`
}

const msText = (ms: number) => `≤ ${ms} ms`
const rateText = (r: number) => percentText(r, 1)

function usageView(d: AgencyStatsAnswerT): SafeHtml {
  const withheldCities = d.rows.some((r) => r.citiesWithheld > 0)
  return html`<section class="card" aria-labelledby="usage-title">
<h2 id="usage-title">使用情况</h2>
<p class="hint">${d.activityBasis === 'national'
    ? '全国性服务：按全国去重的月活跃用户数统计。'
    : '按各城市的月活跃用户数相加：同一人在两个城市使用会计为两人。'}回流率 = 本月中上月也使用过的人数 ÷ 上月活跃用户数。</p>
${trendChart(d.rows.map((r) => ({ month: r.month, actives: r.actives, returnRate: r.returnRate })), d.k, '每月活跃用户数与回流率')}
${withheldCities
    ? html`<p class="hint">未计入的城市（使用人数少于 ${d.k} 人）：${d.rows.filter((r) => r.citiesWithheld > 0).map((r) => `${r.month} ${r.citiesWithheld} 个`).join('，')}。</p>`
    : ''}
</section>`
}

function interactionsView(d: AgencyStatsAnswerT): SafeHtml {
  const count = (n: number | null) => statView(n, countText, d.k)
  const latency = (ms: number | null, timed: number | null) => statView(ms, msText, d.k, timed === 0 ? false : undefined)
  return html`<section class="card" aria-labelledby="interactions-title">
<h2 id="interactions-title">办事交互</h2>
${tableView(
    '每月办事交互次数与耗时（耗时为所在区间的上限）',
    ['月份', '打开', '提交', '成功', '出错', '计时次数', '耗时中位数 p50', '耗时 p95'],
    d.rows.map((r) => [r.month, count(r.opens), count(r.submits), count(r.successes), count(r.errors), count(r.timed), latency(r.latencyP50Ms, r.timed), latency(r.latencyP95Ms, r.timed)]),
  )}
</section>`
}

function probesView(d: AgencyStatsAnswerT): SafeHtml {
  const p = d.probes
  const failure = (r: number | null) => (r === null ? '未监测' : percentText(r, 2))
  if (!p) {
    return html`<section class="card" aria-labelledby="probes-title">
<h2 id="probes-title">可用性与故障率</h2>
<p>统计期内平台未对此服务进行监测，没有故障率。</p>
</section>`
  }
  return html`<section class="card" aria-labelledby="probes-title">
<h2 id="probes-title">可用性与故障率</h2>
<p>统计期故障率：<strong>${failure(p.failureRate)}</strong>（故障 ${durationText(p.downS)} ÷ 监测 ${durationText(p.monitoredS)}，不含已公告的维护时间 ${durationText(p.maintenanceS)}）。平台调用出错 ${p.gatewayErrors.total} 次（仅供参考，不计入故障率）。</p>
${tableView('每月故障率', ['月份', '故障率', '故障时长', '监测时长', '维护时长'], p.months.map((m) => [m.month, failure(m.failureRate), durationText(m.downS), durationText(m.monitoredS), durationText(m.maintenanceS)]))}
${p.down.length > 0
    ? tableView(
        `故障时段（共 ${p.down.length} 段）`,
        ['开始', '恢复', '时长', '其中维护时间'],
        p.down.map((x) => [formatTime(x.start), x.end === null ? '尚未恢复' : formatTime(x.end), durationText(x.seconds), durationText(x.inMaintenanceS)]),
      )
    : html`<p>统计期内没有故障时段。</p>`}
${p.maintenance.length > 0
    ? tableView(
        `维护窗口（共 ${p.maintenance.length} 个）`,
        ['开始', '结束', '说明', '公告方', '公告时间'],
        p.maintenance.map((w) => [formatTime(w.startsAt), formatTime(w.endsAt), w.note, w.announcedBy.startsWith('agency:') ? '本机构' : '运营人员', formatTime(w.announcedAt)]),
      )
    : html`<p>统计期内没有维护窗口。</p>`}
</section>`
}

/** 好差评: shown once the platform reports ratings for the service (the API's `ratings` is null until then). */
function ratingsView(d: AgencyStatsAnswerT): SafeHtml | '' {
  if (!d.ratings) return ''
  const count = (n: number | null) => statView(n, countText, d.k)
  const rate = (n: number | null) => statView(n, rateText, d.k)
  return html`<section class="card" aria-labelledby="ratings-title">
<h2 id="ratings-title">好差评</h2>
${tableView(
    '每月评价与差评整改',
    ['月份', '评价数', '平均分', '满意率', '差评工单', '按时答复', '按时答复率'],
    d.ratings.rows.map((r) => [r.month, count(r.count), statView(r.mean, (n) => n.toFixed(2), d.k), rate(r.satisfiedShare), count(r.tickets), count(r.answeredOnTime), rate(r.onTimeShare)]),
  )}
</section>`
}

/**
 * An agency's figures of one of its services (GET /v1/agency/services/{id}/stats):
 * usage with a chart, interactions, failure rate with the down periods and
 * maintenance windows, and 好差评 once reported. Withheld figures read 已抑制.
 */
export function agencyStatsPage(o: { user: ConsoleUser; serviceId: string; servicePath: string; picked: Period; result: ApiResult<AgencyStatsAnswerT> }): SafeHtml {
  const { user, result } = o
  const action = `${o.servicePath}/stats`
  if (!result.ok && result.status === 404) {
    return statusPage({ title: '找不到服务', text: '本机构没有这个服务。', user, body: apiErrorView(result.error) })
  }
  if (!result.ok) {
    return layout({
      title: '使用情况',
      user,
      body: html`<h1>使用情况</h1>
${periodForm({ action, picked: o.picked, shown: {} })}
${apiErrorView(result.error, '无法读取此服务的统计')}`,
    })
  }
  const d = result.data
  return layout({
    title: `${d.service.name} · 使用情况`,
    user,
    body: html`<h1>${d.service.name} · 使用情况</h1>
<p><a href="${o.servicePath}">返回服务详情</a></p>
${periodForm({ action, picked: o.picked, shown: { from: d.from, to: d.to } })}
<p>统计期：${periodText(d)}。只包含本机构自己的服务。</p>
${usageView(d)}
${interactionsView(d)}
${probesView(d)}
${ratingsView(d)}
${suppressionNote(d.k)}`,
  })
}
