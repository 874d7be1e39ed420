import { SERVICE_TYPES } from '../../src/domain/catalog'
import { CONTRACTS } from '../contracts'
import { apiErrorView } from './api-error-view'
import type { ApiError } from './call-api'
import type { WhoAmI } from './console-user'
import { html, type SafeHtml } from './html'
import { labels } from './labels'
import { layout } from './layout'

export interface ManifestFormOptions {
  user: WhoAmI
  /** Absent for a new service. */
  serviceId?: string
  /** The JSON in the textarea: the template, the latest manifest, or exactly what the user typed. */
  text: string
  error?: ApiError
}

// The top-level fields of a contract's fixtures, e.g. plate、plateType、engineTail、licenceNo.
const fixtureKeys = (schema: { properties: Record<string, unknown> }) =>
  Object.keys(schema.properties).map((k, i) => html`${i > 0 ? '、' : ''}<code>${k}</code>`)

function fieldGuide(user: WhoAmI): SafeHtml {
  const agency = user.agency
  return html`<aside class="card" aria-labelledby="guide-title">
<h2 id="guide-title">字段说明</h2>
${agency
  ? html`<p>本机构（<code>${agency.id}</code>）只能在所辖地区 <code>${agency.region}</code> 内、以下领域上架服务：
${agency.domains.map((d, i) => html`${i > 0 ? '、' : ''}${labels.domain(d)}（<code>${d}</code>）`)}。</p>`
  : ''}
<dl class="facts">
  <dt><code>id</code></dt><dd>服务标识：小写字母、数字和连字符；修改已有服务时保持不变</dd>
  <dt><code>name</code> / <code>summary</code></dt><dd>服务名称（中文，2–20 字）和一句话简介（最多 60 字）</dd>
  <dt><code>icon</code></dt><dd>图标标识，如 <code>traffic</code></dd>
  <dt><code>domain</code></dt><dd>所属领域，如 <code>traffic</code> 交管、<code>medical</code> 医疗</dd>
  <dt><code>type</code></dt><dd>${Object.entries(SERVICE_TYPES).map(([id, zh], i) => html`${i > 0 ? '、' : ''}<code>${id}</code> ${zh}`)}</dd>
  <dt><code>coverage</code></dt><dd><code>{"level":"city","code":"6 位城市代码"}</code>、<code>{"level":"province","code":"2 位省级代码"}</code> 或 <code>{"level":"national"}</code></dd>
  <dt><code>items</code></dt><dd>事项列表：<code>id</code>、<code>name</code>、<code>kind</code>（<code>query</code> 查询 / <code>transaction</code> 办理），可选 <code>keyItem</code>（重点行业事项名称）</dd>
  <dt><code>contract</code></dt><dd>${CONTRACTS.map((c) => html`<code>${c.id}</code> ${c.name}、`)}<code>webview</code> H5 页面 或 <code>miniprogram</code> 小程序</dd>
  <dt><code>endpoint</code></dt><dd>接口或 H5 页面地址，必须 https（仅本机地址可用 http）；<code>miniprogram</code> 合约改填 <code>miniprogram.appId</code> 和 <code>path</code></dd>
  <dt><code>docs</code></dt><dd>办事指南：所需材料 <code>materials</code>、收费标准 <code>fees</code>、办理时限 <code>timeLimit</code></dd>
  <dt><code>support</code></dt><dd>客服：<code>hotline</code> 电话和/或 <code>online</code> 在线帮助（https）</dd>
  <dt><code>privacy</code></dt><dd>隐私说明地址 <code>noticeUrl</code> 和使用的个人信息 <code>dataUsed</code></dd>
  <dt><code>payments</code></dt><dd><code>takesPayments</code>；收费时 <code>feeItems</code> 列出收费事项的 id</dd>
  <dt>其他声明</dt><dd><code>records</code> 办事记录与进度、<code>notify</code> 订阅消息、<code>feedback</code> 好差评、<code>elderFriendly</code> 适老化、<code>realNameRequired</code> 实名、<code>adsFree</code> 无广告</dd>
  <dt><code>fixtures</code></dt><dd>审核用的测试数据，随合约而定：<ul>${CONTRACTS.map((c) => html`<li><code>${c.id}</code>：${fixtureKeys(c.fixtures)}</li>`)}</ul></dd>
</dl>
<p class="hint">完整定义见 <a href="/docs">API 文档</a> 中的 ServiceManifest。提交后平台一次列出所有问题，每条附 JSON 路径。</p>
</aside>`
}

/** The manifest form: one JSON textarea with a short field guide beside it, and every problem of the last attempt above it. */
export function manifestFormPage(o: ManifestFormOptions): SafeHtml {
  const editing = o.serviceId !== undefined
  const action = editing ? `/console/agency/services/${encodeURIComponent(o.serviceId!)}/edit` : '/console/agency/services/new'
  const title = editing ? `修改服务清单：${o.serviceId}` : '提交新服务'
  // The newline after <textarea> is there because HTML drops the first one: the text then comes back exactly as typed.
  return layout({
    title,
    user: o.user,
    current: editing ? undefined : '/console/agency/services/new',
    body: html`<h1>${title}</h1>
${o.error ? apiErrorView(o.error, '清单未通过校验，未提交') : ''}
<div class="with-guide">
<form method="post" action="${action}">
  <label for="manifest">服务清单（JSON）</label>
  <p class="hint" id="manifest-hint">编辑下面的 JSON 后提交；提交后服务进入审核，审核结果会显示在服务页面。</p>
  <textarea class="code" id="manifest" name="manifest" rows="30" spellcheck="false" autocapitalize="off" aria-describedby="manifest-hint" required>
${o.text}</textarea>
  <div class="actions"><button type="submit">提交审核</button>${editing ? html`<a href="/console/agency/services/${encodeURIComponent(o.serviceId!)}">返回服务页面</a>` : ''}</div>
</form>
${fieldGuide(o.user)}
</div>`,
  })
}
