import type { LineSeriesOption } from 'echarts/charts'
import type { GridComponentOption, LegendComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import { type FlagLike, countText, flaggedView, flagsNote, percentText, statView } from '../analyst-format'
import { html, type SafeHtml } from '../html'
import { tableView } from '../table-view'
import { chartFigure } from './chart-figure'
import { CHART_COLORS, renderChart } from './render-chart'

export interface TrendPoint {
  month: string
  /** Monthly actives; null when withheld. */
  actives: number | null
  /** 0–1; null when withheld or without a previous month. */
  returnRate: number | null
  /** Whether some figure of the month is withheld (the activity answer says); unknown: a null may be either. */
  suppressed?: boolean
  /** Plausibility flags of the month: its return rate is withheld as implausible. */
  flags?: readonly FlagLike[]
}

type Option = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption>

/**
 * Monthly actives (left axis) and return rate (right axis, %) as two lines;
 * a withheld month is a gap in its line, never a drop to 0. The month table
 * beside it carries the same numbers.
 */
export function trendChart(points: readonly TrendPoint[], k: number, caption = '每月活跃用户数与回流率'): SafeHtml {
  const option: Option = {
    color: [CHART_COLORS.primary, CHART_COLORS.secondary],
    legend: { top: 0 },
    grid: { left: 70, right: 60, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: points.map((p) => p.month) },
    yAxis: [
      { type: 'value', name: '月活跃用户数', position: 'left' },
      { type: 'value', name: '回流率 %', position: 'right', splitLine: { show: false } },
    ],
    series: [
      { type: 'line', name: '月活跃用户数', yAxisIndex: 0, data: points.map((p) => p.actives), connectNulls: false },
      {
        type: 'line',
        name: '回流率',
        yAxisIndex: 1,
        lineStyle: { type: 'dashed' },
        data: points.map((p) => (p.returnRate === null ? null : Number((p.returnRate * 100).toFixed(2)))),
        connectNulls: false,
      },
    ],
  }
  const months = points.length
  const label = `折线图：${caption}，${months > 0 ? `${points[0]!.month} 至 ${points[months - 1]!.month}，共 ${months} 个月` : '没有数据'}；数字见旁边的表格`
  const chart = renderChart(option, { width: 640, height: 320, label })
  const table = tableView(
    caption,
    ['月份', '月活跃用户数', '回流率'],
    points.map((p) => {
      // A month with nothing withheld has no data where it has a null (the first month has no month before it).
      const withheld = p.suppressed === false ? false : undefined
      const flagged = p.flags?.length ? flaggedView(p.flags) : undefined
      return [p.month, statView(p.actives, countText, k, withheld), flagged ?? statView(p.returnRate, (r) => percentText(r, 1), k, withheld)]
    }),
  )
  return html`${chartFigure(caption, chart, table)}${flagsNote(points.flatMap((p) => p.flags ?? []))}`
}
