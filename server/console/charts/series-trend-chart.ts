import type { LineSeriesOption } from 'echarts/charts'
import type { GraphicComponentOption, GridComponentOption, LegendComponentOption } from 'echarts/components'
import type { ComposeOption } from 'echarts/core'
import { countText, statView } from '../analyst-format'
import type { SafeHtml } from '../html'
import { tableView } from '../table-view'
import { chartFigure } from './chart-figure'
import { CHART_COLORS, renderChart } from './render-chart'

/**
 * One line of the chart, a value per month (in the order of `months`).
 * null: the API withheld the figure or had none, it cannot say which
 * (已抑制, as statView shows such a null); undefined: the answer has no
 * figure for it at all (无数据). Either is a gap in the line, never a 0.
 */
export interface TrendSeries {
  name: string
  values: readonly (number | null | undefined)[]
}

export interface SeriesTrendOptions {
  caption: string
  months: readonly string[]
  series: readonly TrendSeries[]
  /** Name of the values (the y axis and the chart's description), e.g. 用户数. */
  valueName: string
  k: number
  /** How a value is written in the table; counts by default. */
  format?: (n: number) => string
}

/**
 * Colours after the console's blue and amber, each line also with its own
 * dash and marker so the lines stay apart in greyscale print and for readers
 * who do not tell the colours apart.
 */
const COLORS = [CHART_COLORS.primary, CHART_COLORS.secondary, '#137333', '#7b1fa2', CHART_COLORS.muted, '#c2185b', '#00796b', '#1a1a1a']
const DASHES = ['solid', 'dashed', 'dotted'] as const
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'emptyCircle', 'emptyRect', 'emptyTriangle', 'emptyDiamond'] as const

type Option = ComposeOption<LineSeriesOption | GridComponentOption | LegendComponentOption | GraphicComponentOption>

/**
 * Several monthly series as lines on one value axis (users per service type,
 * MAU per domain), with a legend of their names; a withheld month is a gap
 * in its line. The table beside it has a row per month and a column per
 * series, with the same numbers.
 */
export function seriesTrendChart(o: SeriesTrendOptions): SafeHtml {
  const format = o.format ?? countText
  const option: Option = {
    color: o.series.map((_s, i) => COLORS[i % COLORS.length]!),
    legend: { top: 0, left: 'center', itemWidth: 28 },
    // Room at the top for a legend of up to eight short names on two rows.
    grid: { left: 70, right: 30, top: o.series.length > 4 ? 60 : 40, bottom: 40 },
    xAxis: { type: 'category', data: [...o.months], boundaryGap: false },
    yAxis: { type: 'value', name: o.valueName },
    graphic:
      o.series.length === 0 || o.months.length === 0
        ? [{ type: 'text', left: 'center', top: 'middle', style: { text: '没有可绘制的数据', fill: CHART_COLORS.muted, fontSize: 13 } }]
        : [],
    series: o.series.map((s, i) => ({
      type: 'line',
      name: s.name,
      data: o.months.map((_m, j) => s.values[j] ?? null),
      connectNulls: false,
      // Every month's marker, so a month between two gaps is still seen.
      showSymbol: true,
      showAllSymbol: true,
      symbol: SYMBOLS[i % SYMBOLS.length],
      symbolSize: 6,
      lineStyle: { width: 2, type: DASHES[i % DASHES.length] },
    })),
  }
  const months = o.months.length
  const gaps = o.series.reduce((n, s) => n + o.months.filter((_m, j) => s.values[j] === null || s.values[j] === undefined).length, 0)
  const label = [
    `折线图：${o.caption}`,
    months > 0 ? `${o.months[0]} 至 ${o.months[months - 1]}，共 ${months} 个月` : '没有数据',
    `${o.series.length} 条线：${o.series.map((s) => s.name).join('、') || '无'}`,
    ...(gaps > 0 ? [`其中 ${gaps} 个数字已抑制或无数据，线在该月断开`] : []),
    '数字见旁边的表格',
  ].join('；')
  const chart = renderChart(option, { width: 640, height: o.series.length > 4 ? 360 : 340, label })
  const table = tableView(
    o.caption,
    ['月份', ...o.series.map((s) => s.name)],
    o.months.map((month, j) => [month, ...o.series.map((s) => statView(s.values[j] ?? null, format, o.k, s.values[j] === undefined ? false : undefined))]),
  )
  return chartFigure(o.caption, chart, table)
}
