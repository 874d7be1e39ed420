import { html, type SafeHtml } from './html'

/**
 * A data table with a caption and column headers, in a box that scrolls
 * sideways on a phone instead of the page (focusable, so keyboards can scroll it).
 */
export function tableView(caption: string, head: readonly string[], rows: readonly (readonly unknown[])[]): SafeHtml {
  return html`<div class="table-wrap" role="region" aria-label="${caption}" tabindex="0"><table>
<caption class="hint">${caption}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows.map((cells) => html`<tr>${cells.map((c) => html`<td>${c}</td>`)}</tr>`)}</tbody>
</table></div>`
}
