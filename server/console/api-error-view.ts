import type { ApiError } from './call-api'
import { html, type SafeHtml } from './html'

/**
 * An API error as the user reads it: the message and every detail with its
 * path (for a manifest, every problem at once), announced to screen readers.
 * Never a stack trace: the API does not send one.
 */
export function apiErrorView(error: ApiError, heading = '操作未成功'): SafeHtml {
  return html`<div class="alert" role="alert">
<p><strong>${heading}</strong>：${error.message}（${error.code}）</p>
${error.details.length > 0
  ? html`<p>共 ${error.details.length} 处问题：</p><ul class="problems">${error.details.map(
      (d) => html`<li><code>${d.path || '（整体）'}</code>：${d.message}</li>`,
    )}</ul>`
  : ''}
</div>`
}
