import type { ScatterSeriesOption } from 'echarts/charts'
import type { GraphicComponentOption, GridComponentOption, MarkLineComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import type { DomainsAnswerT } from '../../../src/api/stats'
import { countText, percentText, statView } from '../analyst-format'
import { html, type SafeHtml } from '../html'
import { tableView } from '../table-view'
import { chartFigure } from './chart-figure'
import { CHART_COLORS, renderChart } from './render-chart'

type Quadrant = 1 | 2 | 3 | 4

/** The quadrants as the 2016 report names them: I high MAU and return, II return only, III neither, IV MAU only. */
export const QUADRANT_NAMES: Record<Quadrant, string> = { 1: 'I 高频大众', 2: 'II 高频小众', 3: 'III 低频小众', 4: 'IV 低频大众' }

/** The domains in each quadrant, by MAU as the API orders them; domains with a withheld figure are in none. */
export function quadrantMembers(rows: DomainsAnswerT['rows']): Record<Quadrant, string[]> {
  const out: Record<Quadrant, string[]> = { 1: [], 2: [], 3: [], 4: [] }
  for (const r of rows) if (r.quadrant !== null) out[r.quadrant].push(r.label)
  return out
}

type Option = ComposeOption<ScatterSeriesOption | GridComponentOption | MarkLineComponentOption | GraphicComponentOption>

// Room on the right for the median line's label, at the top for the labels of the highest bubbles.
const GRID = { left: 80, right: 60, top: 30, bottom: 50 }
const WIDTH = 640
const HEIGHT = 440

/**
 * The report's quadrant chart: each domain a bubble at (MAU, return rate),
 * sized by richness (listed services), labelled with its name; the median
 * lines split it into the four named quadrants. The table beside it lists
 * every domain, withheld ones included.
 */
export function quadrantChart(answer: DomainsAnswerT, caption = '领域象限图（横轴：月活跃用户数；纵轴：回流率；气泡大小：服务丰富度）'): SafeHtml {
  const plotted = answer.rows.filter((r) => r.mau !== null && r.returnRate !== null)
  const maxRichness = Math.max(1, ...plotted.map((r) => r.richness))
  const corner = (q: Quadrant, pos: Record<string, number>) =>
    ({ type: 'text', ...pos, style: { text: QUADRANT_NAMES[q], fill: CHART_COLORS.muted, fontSize: 13, fontWeight: 'bold' } }) as const
  const option: Option = {
    color: [CHART_COLORS.primary],
    grid: GRID,
    // A margin beyond the extreme bubbles so none is cut in half by the frame.
    xAxis: { type: 'value', name: '月活跃用户数', nameLocation: 'middle', nameGap: 28, scale: true, boundaryGap: ['5%', '8%'] },
    yAxis: { type: 'value', name: '回流率 %', nameLocation: 'middle', nameGap: 50, scale: true, boundaryGap: ['5%', '12%'] },
    graphic: [
      corner(2, { left: GRID.left + 8, top: GRID.top + 6 }),
      corner(1, { right: GRID.right + 8, top: GRID.top + 6 }),
      corner(3, { left: GRID.left + 8, bottom: GRID.bottom + 6 }),
      corner(4, { right: GRID.right + 8, bottom: GRID.bottom + 6 }),
      // Without a return rate (a single month) or any published MAU there is nothing to place: say so rather than show an empty frame.
      ...(plotted.length === 0 ? [{ type: 'text' as const, left: 'center', top: 'middle', style: { text: '没有可绘制的领域（月活跃用户数或回流率已抑制或无数据）', fill: CHART_COLORS.muted, fontSize: 13 } }] : []),
    ],
    series: [
      {
        type: 'scatter',
        data: plotted.map((r) => ({
          name: r.label,
          value: [r.mau!, Number((r.returnRate! * 100).toFixed(2)), r.richness],
          symbolSize: Math.round(10 + 34 * Math.sqrt(r.richness / maxRichness)),
        })),
        itemStyle: { opacity: 0.6 },
        label: { show: true, position: 'top', formatter: '{b}', color: '#1a1a1a' },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: CHART_COLORS.rule, type: 'dashed' },
          label: { formatter: '中位数', color: CHART_COLORS.muted },
          data: [{ xAxis: answer.medians.mau }, { yAxis: Number((answer.medians.returnRate * 100).toFixed(2)) }],
        },
      },
    ],
  }
  const label = `气泡图：${caption}。共 ${plotted.length} 个领域；中位数：月活跃用户数 ${countText(answer.medians.mau)}，回流率 ${percentText(answer.medians.returnRate, 1)}；各领域数字见旁边的表格`
  const chart = renderChart(option, { width: WIDTH, height: HEIGHT, label })
  const k = answer.k
  const table = tableView(
    '各领域的月活跃用户数、回流率、丰富度与象限',
    ['领域', '月活跃用户数', '回流率', '丰富度（服务数）', '象限'],
    answer.rows.map((r) => [
      r.label,
      statView(r.mau, countText, k),
      statView(r.returnRate, (x) => percentText(x, 1), k),
      r.richness,
      r.quadrant === null ? '—' : QUADRANT_NAMES[r.quadrant],
    ]),
  )
  const members = quadrantMembers(answer.rows)
  const summary = html`<ul class="quadrants">${([1, 2, 3, 4] as const).map(
    (q) => html`<li><strong>${QUADRANT_NAMES[q]}</strong>：${members[q].length > 0 ? members[q].join('、') : '无'}</li>`,
  )}</ul>`
  return chartFigure(caption, chart, html`${summary}${table}`)
}
