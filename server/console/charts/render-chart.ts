import { BarChart, LineChart, ScatterChart } from 'echarts/charts'
import { GraphicComponent, GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components'
import { type EChartsCoreOption, init, use } from 'echarts/core'
import { SVGRenderer } from 'echarts/renderers'
import { escapeHtml, SafeHtml } from '../html'

// Only what the console's charts draw, so the bundle stays small (tree-shaken imports).
use([LineChart, ScatterChart, BarChart, GridComponent, LegendComponent, MarkLineComponent, GraphicComponent, SVGRenderer])

/** The console's chart colours: its link blue and the amber of its stars, distinct also in greyscale print. */
export const CHART_COLORS = { primary: '#0b57d0', secondary: '#b45309', muted: '#5f6368', rule: '#8a9099' }

export interface ChartFrame {
  width: number
  height: number
  /** What the chart shows, in words: the SVG's accessible name. */
  label: string
}

/**
 * The page's CSP (`style-src 'self'`) ignores inline style attributes and
 * <style> elements, so the fonts ECharts writes into `style="…"` become SVG
 * presentation attributes (allowed), and its hover-only <style> block, which
 * has no use without scripts, is dropped. The client-side hydration markers
 * (ecmeta_*) go too.
 */
function fitForCsp(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ style="([^"]*)"/g, (_all, css: string) =>
      css
        .split(';')
        .map((decl) => /^\s*([a-z-]+)\s*:\s*(.+?)\s*$/.exec(decl))
        .filter((m): m is RegExpExecArray => m !== null && /^(font-(size|family|weight|style)|fill|stroke|opacity)$/.test(m[1]!))
        .map((m) => ` ${m[1]}="${m[2]}"`)
        .join(''),
    )
}

/**
 * An ECharts option rendered on the server to an inline SVG (SSR mode, no
 * animation), as markup the page may include: ECharts builds it from numbers
 * and our labels and escapes every text it writes (tested). role="img" and
 * aria-label give it one accessible name; the numbers themselves are in the
 * table or summary the caller puts beside it.
 */
export function renderChart(option: EChartsCoreOption, frame: ChartFrame): SafeHtml {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: frame.width, height: frame.height })
  try {
    chart.setOption({ animation: false, textStyle: { fontSize: 12 }, ...option })
    const svg = fitForCsp(chart.renderToSVGString())
    return new SafeHtml(svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(frame.label)}" focusable="false" `))
  } finally {
    chart.dispose()
  }
}
