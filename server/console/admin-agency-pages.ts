import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { DOMAINS } from '../../src/domain/catalog'
import { apiErrorView } from './api-error-view'
import type { ApiError, ApiResult } from './call-api'
import type { ConsoleUser } from './console-user'
import { field, fieldList, type FormBody } from './form-fields'
import { html, type SafeHtml } from './html'
import { labels } from './labels'
import { layout } from './layout'
import { requireConsoleRole } from './require-console-role'
import { sendPage } from './send-page'
import { tableView } from './table-view'

interface Agency {
  id: string
  name: string
  region: string
  domains: string[]
}

interface PageState {
  /** What the operator typed, kept when the API refuses it. */
  form?: Agency
  error?: ApiError
  /** The agency just created, with its signing secret: shown on this one answer only. */
  created?: Agency & { signingSecret: string }
}

const hide = { hide: true }
const regionText = (region: string) => (region === 'national' ? '全国' : region)

function createdView(a: Agency & { signingSecret: string }): SafeHtml {
  return html`<section class="warning" role="status" aria-labelledby="created-title">
<h2 id="created-title">机构“${a.name}”已创建</h2>
<p><strong>请立即复制签名密钥并安全地交给该机构。此密钥只显示这一次，离开本页后将无法再次查看。</strong></p>
<p id="signing-secret-label">签名密钥（<code>${a.id}</code>）：</p>
<code class="secret" aria-labelledby="signing-secret-label">${a.signingSecret}</code>
<p class="hint">平台调用该机构接口时用此密钥签名（HMAC），机构用它验证请求。</p>
<p><a href="/console/admin/tokens?agency=${encodeURIComponent(a.id)}">为该机构发放访问令牌</a></p>
</section>`
}

// The demo alone has hundreds of agencies: the page shows a searchable slice, never one endless table.
const MAX_ROWS = 100

/** Agencies whose id, name or region contains the query (case-insensitive); all of them without one. */
function matching(agencies: Agency[], query: string): Agency[] {
  const q = query.toLowerCase()
  return q ? agencies.filter((a) => a.id.toLowerCase().includes(q) || a.name.toLowerCase().includes(q) || a.region.includes(q)) : agencies
}

function agenciesPage(user: ConsoleUser, list: ApiResult<{ agencies: Agency[] }>, state: PageState, query = ''): SafeHtml {
  const agencies = list.ok ? list.data.agencies : []
  // A new agency heads the list, so the operator sees it arrived.
  const shown = state.created ? agencies.filter((a) => a.id === state.created!.id) : matching(agencies, query)
  const rows = shown.slice(0, MAX_ROWS)
  const caption = state.created
    ? '新建的机构'
    : `${query ? `与“${query}”匹配的机构` : '全部机构'}（共 ${shown.length} 个${shown.length > rows.length ? `，显示前 ${rows.length} 个，请搜索以缩小范围` : ''}）`
  const form = state.form ?? { id: '', name: '', region: '', domains: [] }
  return layout({
    title: '机构',
    user,
    current: '/console/admin/agencies',
    body: html`<h1>机构</h1>
${state.created ? createdView(state.created) : ''}
<section class="card" aria-labelledby="create-title">
<h2 id="create-title">新建机构</h2>
${state.error ? apiErrorView(state.error, '机构未创建') : ''}
<form method="post" action="/console/admin/agencies">
  <label for="agency-id">标识</label>
  <input type="text" id="agency-id" name="id" required value="${form.id}" aria-describedby="agency-id-hint" spellcheck="false" autocapitalize="off">
  <p class="hint" id="agency-id-hint">小写字母、数字和连字符，如 <code>sz-traffic-police</code>；创建后不能修改。</p>
  <label for="agency-name">名称</label>
  <input type="text" id="agency-name" name="name" required value="${form.name}">
  <label for="agency-region">地区</label>
  <input type="text" id="agency-region" name="region" required value="${form.region}" aria-describedby="agency-region-hint" inputmode="text">
  <p class="hint" id="agency-region-hint">6 位城市代码（如 <code>440300</code>）、2 位省级代码（如 <code>44</code>）或 <code>national</code>：机构只能在此范围内上架服务。</p>
  <fieldset>
    <legend>可上架的领域</legend>
    ${Object.entries(DOMAINS).map(
      ([id, zh]) => html`<label><input type="checkbox" name="domains" value="${id}"${form.domains.includes(id) ? html` checked` : ''}> ${zh}</label>`,
    )}
  </fieldset>
  <div class="actions"><button type="submit">创建机构</button></div>
</form>
</section>
<section class="card" aria-labelledby="list-title">
<h2 id="list-title">机构列表</h2>
${list.ok ? '' : apiErrorView(list.error, '无法读取机构列表')}
<form method="get" action="/console/admin/agencies" role="search" class="inline-search">
  <label for="agency-q">搜索机构</label>
  <div class="actions">
    <input type="text" id="agency-q" name="q" value="${query}" placeholder="标识、名称或地区代码" spellcheck="false">
    <button type="submit" class="secondary">搜索</button>
    ${query || state.created ? html`<a href="/console/admin/agencies">显示全部</a>` : ''}
  </div>
</form>
${rows.length > 0
  ? tableView(
      caption,
      ['标识', '名称', '地区', '可上架领域', '操作'],
      rows.map((a) => [
        html`<code>${a.id}</code>`,
        a.name,
        regionText(a.region),
        a.domains.map((d) => labels.domain(d)).join('、'),
        html`<a href="/console/admin/tokens?agency=${encodeURIComponent(a.id)}">发放令牌</a>`,
      ]),
    )
  : list.ok ? html`<p>${query ? `没有与“${query}”匹配的机构。` : '还没有机构。'}</p>` : ''}
</section>`,
  })
}

/** The operator's agencies: the list and the create form, whose answer shows the signing secret once. */
export const adminAgencyPages: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', requireConsoleRole('operator'))
  const list = (user: ConsoleUser) => user.api<{ agencies: Agency[] }>('GET', '/v1/admin/agencies')

  app.get('/admin/agencies', { schema: hide }, async (request: FastifyRequest<{ Querystring: { q?: string } }>, reply) => {
    const user = request.consoleUser!
    const agencies = await list(user)
    const query = typeof request.query.q === 'string' ? request.query.q.trim().slice(0, 100) : ''
    return sendPage(reply, agenciesPage(user, agencies, {}, query), agencies.ok ? 200 : agencies.status)
  })

  app.post('/admin/agencies', { schema: hide }, async (request, reply) => {
    const user = request.consoleUser!
    const body = request.body as FormBody
    const form: Agency = { id: field(body, 'id').trim(), name: field(body, 'name').trim(), region: field(body, 'region').trim(), domains: fieldList(body, 'domains') }
    const result = await user.api<Agency & { signingSecret: string }>('POST', '/v1/admin/agencies', form)
    // The list is read after the create, so a new agency shows in it.
    const agencies = await list(user)
    if (!result.ok) return sendPage(reply, agenciesPage(user, agencies, { form, error: result.error }), result.status)
    return sendPage(reply, agenciesPage(user, agencies, { created: result.data }), 201)
  })
}
