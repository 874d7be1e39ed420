import type { FastifyPluginAsync } from 'fastify'
import type { Static } from 'typebox'
import type { ActivityAnswer, IndexAnswerT } from '../../src/api/stats'
import { ANALYST_PAGES, analystLayout, csvLink, csvPath, failuresView, statusOf } from './analyst-frame'
import { countText, flaggedView, percentText, periodText, pointsText, statView, suppressionNote } from './analyst-format'
import { type Period, type RawQuery, periodForm, periodOf, queryString, statsUrl } from './analyst-query'
import { trendChart } from './charts/trend-chart'
import { html, type SafeHtml } from './html'
import { sendPage } from './send-page'

export type ActivityAnswerT = Static<typeof ActivityAnswer>

const PAGES: [href: string, title: string, text: string][] = [
  [ANALYST_PAGES.ranking, '城市排名', '城市与省份的智慧城市指数，六个指标的数值与名次，可按任一列排序、搜索、下载。'],
  [ANALYST_PAGES.domains, '领域与类型', '各领域的月活跃用户数与象限图、服务类型、本地与全国服务、各领域前十城市。'],
  [ANALYST_PAGES.leapfrog, '黑马城市', '导入其他指数的城市排名，找出在本指数中排名领先 N 名以上的城市。'],
  [ANALYST_PAGES.weights, '专家权重', '上传专家打分表，以专家权重代替等权重计算指数。'],
  [ANALYST_PAGES.report, '报告', '按 2016 年报告第五章的结构，从实时数据生成可打印的报告。'],
]

/**
 * The overview's body: headline figures of the latest month and of the
 * index, the national trend, the way to the other pages (with the months the
 * analyst picked, if any: otherwise each page keeps the API's default period).
 */
export function overviewView(activity: ActivityAnswerT, index: IndexAnswerT, picked: Period = {}): SafeHtml {
  const latest = [...activity.rows].sort((a, b) => a.month.localeCompare(b.month)).at(-1)
  const k = activity.k
  const period = { from: activity.from, to: activity.to }
  return html`<p>统计期：${periodText(activity)}；小样本阈值 k = ${k}。</p>
<dl class="headline">
  <div><dt>${latest ? `${latest.month} 全国月活跃用户数` : '全国月活跃用户数'}</dt><dd>${latest ? statView(latest.actives, countText, k, latest.suppressed ? undefined : false) : '无数据'}</dd></div>
  <div><dt>${latest ? `${latest.month} 回流率` : '回流率'}</dt><dd>${latest ? (latest.flags.length > 0 ? flaggedView(latest.flags) : statView(latest.returnRate, (r) => percentText(r, 1), k, latest.suppressed ? undefined : false)) : '无数据'}</dd></div>
  <div><dt>前 10 名城市占全国总指数</dt><dd>${pointsText(index.concentration.top10)}</dd></div>
  <div><dt>前 50 名城市占全国总指数</dt><dd>${pointsText(index.concentration.top50)}</dd></div>
  <div><dt>参与排名的城市</dt><dd>${index.rows.length} 个</dd></div>
</dl>
<section class="card" aria-labelledby="trend-title">
<h2 id="trend-title">全国月度趋势</h2>
${trendChart(activity.rows, k, '全国每月活跃用户数与回流率')}
<div class="actions">${csvLink(csvPath('activity', period), '下载全国月度数据 CSV')}${csvLink(csvPath('trends', period), '下载各服务类型、各领域的月度数据 CSV')}</div>
${suppressionNote(k)}
</section>
<section class="card no-print" aria-labelledby="pages-title">
<h2 id="pages-title">分析页面</h2>
<ul class="page-links">${PAGES.map(([href, title, text]) => html`<li><a href="${href}${queryString({ ...picked })}">${title}</a>：${text}</li>`)}</ul>
</section>`
}

/** GET /console/analyst: the analyst's home. */
export const analystOverviewRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: RawQuery }>('/analyst', { schema: { hide: true } }, async (request, reply) => {
    const user = request.consoleUser!
    const picked = periodOf(request.query)
    const [activity, index] = await Promise.all([
      user.api<ActivityAnswerT>('GET', statsUrl('activity', { scope: 'all', ...picked })),
      user.api<IndexAnswerT>('GET', statsUrl('index', { ...picked, level: 'city' })),
    ])
    const body = html`<h1>统计概览</h1>
${periodForm({ action: ANALYST_PAGES.overview, picked, shown: activity.ok ? activity.data : {} })}
${activity.ok && index.ok ? overviewView(activity.data, index.data, picked) : failuresView('无法读取统计数据', activity, index)}`
    return sendPage(reply, analystLayout(user, ANALYST_PAGES.overview, '统计概览', body), statusOf(activity, index))
  })
}
