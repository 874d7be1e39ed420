import type { UploadSummaryT } from '../../src/api/stats'
import { apiErrorView } from './api-error-view'
import { type ApiError, type ApiResult, RawPayload } from './call-api'
import type { ConsoleUser } from './console-user'
import { field, type FormBody } from './form-fields'
import { html, type SafeHtml } from './html'
import { queryString } from './analyst-query'

/** The two kinds of CSV an analyst uploads, and where the API takes each. */
export type UploadKind = UploadSummaryT['kind']
const UPLOAD_API: Record<UploadKind, string> = { weights: '/v1/stats/weights', ranking: '/v1/stats/rankings' }

/** What the analyst typed into an upload form, and the API's refusal of it: shown again together so nothing is lost. */
export interface UploadDraft {
  name: string
  text: string
  error?: ApiError
}

export const EMPTY_DRAFT: UploadDraft = { name: '', text: '' }

/** GET /v1/stats/uploads, as the pages read it. */
export function loadUploads(user: ConsoleUser): Promise<ApiResult<{ uploads: UploadSummaryT[] }>> {
  return user.api<{ uploads: UploadSummaryT[] }>('GET', '/v1/stats/uploads')
}

/** The uploads of one kind, newest first (by upload time, then id). */
export function uploadsOf(uploads: readonly UploadSummaryT[], kind: UploadKind): UploadSummaryT[] {
  return uploads.filter((u) => u.kind === kind).sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt) || b.id - a.id)
}

/**
 * Sends a posted upload form's CSV to the API as text/csv. On a refusal the
 * draft comes back with the API's problems (Chinese, one per line of the
 * file), to be shown above the same form with what was typed.
 */
export async function submitUpload(
  user: ConsoleUser,
  kind: UploadKind,
  body: FormBody,
): Promise<{ ok: true; upload: UploadSummaryT } | { ok: false; status: number; draft: UploadDraft }> {
  const draft = { name: field(body, 'name').trim(), text: field(body, 'csv') }
  const result = await user.api<UploadSummaryT>('POST', UPLOAD_API[kind] + queryString({ name: draft.name }), new RawPayload(draft.text, 'text/csv; charset=utf-8'))
  return result.ok ? { ok: true, upload: result.data } : { ok: false, status: result.status, draft: { ...draft, error: result.error } }
}

/** The upload form: a name and the pasted CSV, with what the file must look like. */
export function uploadFormView(o: { action: string; draft: UploadDraft; help: SafeHtml; example: string; submit: string }): SafeHtml {
  return html`<form method="post" action="${o.action}" class="upload no-print">
${o.draft.error ? apiErrorView(o.draft.error, '文件未导入') : ''}
<label for="upload-name">名称</label>
<input type="text" id="upload-name" name="name" maxlength="80" required value="${o.draft.name}">
<label for="upload-csv">CSV 内容</label>
<textarea id="upload-csv" name="csv" class="code csv" rows="12" required aria-describedby="upload-help">
${o.draft.text}</textarea>
<div id="upload-help" class="hint">${o.help}
<p>以英文逗号分隔，第一行为表头；也可以从表格软件直接复制单元格粘贴（以制表符分隔）。内容上限约 64 KB。示例：</p>
<pre>${o.example}</pre></div>
<div class="actions"><button type="submit">${o.submit}</button></div>
</form>`
}
