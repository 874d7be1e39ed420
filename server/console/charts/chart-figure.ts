import { html, type SafeHtml } from '../html'

/**
 * A chart with its numbers beside it (below it on a phone and on paper): the
 * SVG is a picture, the table or summary is what screen readers, copying and
 * printing rely on.
 */
export function chartFigure(caption: string, chart: SafeHtml, data: SafeHtml): SafeHtml {
  return html`<figure class="chart">
<figcaption>${caption}</figcaption>
<div class="chart-body"><div class="chart-svg">${chart}</div><div class="chart-data">${data}</div></div>
</figure>`
}
