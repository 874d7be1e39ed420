import type { BarSeriesOption } from 'echarts/charts'
import type { GridComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import { statView } from '../analyst-format'
import type { SafeHtml } from '../html'
import { tableView } from '../table-view'
import { chartFigure } from './chart-figure'
import { CHART_COLORS, renderChart } from './render-chart'

export interface BarItem {
  name: string
  /** null: withheld, left out of the bars and shown as such in the table. */
  value: number | null
}

export interface BarChartOptions {
  caption: string
  items: readonly BarItem[]
  /** Name of the value, e.g. 月活跃用户数. */
  valueName: string
  /** Written at the end of each bar and in the table. */
  format: (n: number) => string
  k: number
  /** The table beside the chart; by default name and value of each bar. */
  table?: SafeHtml
}

type Option = ComposeOption<BarSeriesOption | GridComponentOption>

/** Horizontal bars, largest at the top as given (domains by MAU, service types by share), with their values written on them. */
export function barChart(o: BarChartOptions): SafeHtml {
  const shown = o.items.filter((i): i is BarItem & { value: number } => i.value !== null)
  const option: Option = {
    color: [CHART_COLORS.primary],
    grid: { left: 100, right: 90, top: 10, bottom: 30 },
    xAxis: { type: 'value', name: o.valueName, nameLocation: 'middle', nameGap: 22, axisLabel: { show: false } },
    yAxis: { type: 'category', inverse: true, data: shown.map((i) => i.name) },
    series: [{ type: 'bar', data: shown.map((i) => i.value), barMaxWidth: 22, label: { show: true, position: 'right', formatter: (p) => o.format(Number(p.value)) } }],
  }
  const withheld = o.items.length - shown.length
  const label = `条形图：${o.caption}，共 ${shown.length} 项${withheld > 0 ? `（另有 ${withheld} 项已抑制）` : ''}；数字见旁边的表格`
  const chart = renderChart(option, { width: 560, height: 50 + 30 * Math.max(shown.length, 1), label })
  const table = o.table ?? tableView(o.caption, ['名称', o.valueName], o.items.map((i) => [i.name, statView(i.value, o.format, o.k)]))
  return chartFigure(o.caption, chart, table)
}
