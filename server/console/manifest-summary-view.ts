import { coverageText } from './format'
import { html, type SafeHtml } from './html'
import { labels } from './labels'
import { tableView } from './table-view'

// Read loosely: a stored manifest was valid when submitted, but the schema may have grown since.
type Loose = Record<string, any>

const yesNo = (value: unknown) => (value === true ? '是' : value === false ? '否' : '—')

/**
 * What a manifest declares, in the order a reviewer reads it: the tile, the
 * contract and endpoint, the items, the 办事指南 and the declarations the
 * quality checks rely on; the full JSON folds out below. URLs are shown as
 * text, not links: they are the agency's input.
 */
export function manifestSummaryView(manifest: Loose | null | undefined): SafeHtml {
  if (!manifest) return html`<p>没有清单。</p>`
  const docs: Loose = manifest.docs ?? {}
  const support: Loose = manifest.support ?? {}
  const items: Loose[] = Array.isArray(manifest.items) ? manifest.items : []
  return html`<dl class="facts">
  <dt>名称</dt><dd>${manifest.name}</dd>
  <dt>简介</dt><dd>${manifest.summary}</dd>
  <dt>领域 / 类型</dt><dd>${labels.domain(manifest.domain)} / ${labels.serviceType(manifest.type)}</dd>
  <dt>覆盖范围</dt><dd>${coverageText(manifest.coverage)}</dd>
  <dt>合约</dt><dd><code>${manifest.contract}</code></dd>
  <dt>接口地址</dt><dd>${manifest.endpoint ? html`<code>${manifest.endpoint}</code>` : manifest.miniprogram ? html`小程序 <code>${manifest.miniprogram.appId}</code> <code>${manifest.miniprogram.path}</code>` : '—'}</dd>
  <dt>所需材料</dt><dd>${Array.isArray(docs.materials) && docs.materials.length > 0 ? docs.materials.join('、') : '—'}</dd>
  <dt>收费标准</dt><dd>${docs.fees ?? '—'}</dd>
  <dt>办理时限</dt><dd>${docs.timeLimit ?? '—'}</dd>
  <dt>客服</dt><dd>${[support.hotline, support.online].filter(Boolean).join(' / ') || '—'}</dd>
  <dt>隐私说明</dt><dd>${manifest.privacy?.noticeUrl ?? '—'}</dd>
</dl>
${tableView('事项', ['事项', '标识', '类别', '重点行业事项'], items.map((i) => [i.name, html`<code>${i.id}</code>`, labels.itemKind(i.kind), i.keyItem ?? '—']))}
${tableView('声明', ['声明', '值'], [
  ['在线支付', yesNo(manifest.payments?.takesPayments)],
  ['办事记录', yesNo(manifest.records?.keepsRecords)],
  ['办理进度', yesNo(manifest.records?.exposesProgress)],
  ['结果通知（订阅消息）', yesNo(manifest.notify?.subscribeMessage)],
  ['好差评', yesNo(manifest.feedback?.takesRatings)],
  ['回复差评', yesNo(manifest.feedback?.answersBadRatings)],
  ['适老化', yesNo(manifest.elderFriendly)],
  ['需要实名', yesNo(manifest.realNameRequired)],
  ['无广告', yesNo(manifest.adsFree)],
])}
<details><summary>完整清单 JSON</summary><pre>${JSON.stringify(manifest, null, 2)}</pre></details>`
}
