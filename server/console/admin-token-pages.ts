import type { TokenRow } from '../modules/auth/repository'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Role } from '../modules/auth/token'
import { apiErrorView } from './api-error-view'
import type { ApiError } from './call-api'
import type { ConsoleUser } from './console-user'
import { field, type FormBody } from './form-fields'
import { formatTime } from './format'
import { html, type SafeHtml } from './html'
import { labels } from './labels'
import { layout } from './layout'
import { requireConsoleRole } from './require-console-role'
import { sendPage } from './send-page'
import { statusPage } from './status-page'
import { tableView } from './table-view'

type TokenInfo = TokenRow

interface TokenForm {
  role: string
  agencyId: string
  label: string
}

interface PageState {
  form?: TokenForm
  error?: ApiError
  notice?: string
  revokeError?: ApiError
  /** The token just issued: shown on this one answer only (only its hash is kept). */
  created?: TokenInfo & { token: string }
  /** The list's search words and whether revoked tokens are listed too. */
  query?: string
  includeRevoked?: boolean
}

// Hundreds of tokens (the demo alone issues one per agency): newest first, searchable, at most this many rows.
const MAX_ROWS = 100

function matching(tokens: TokenInfo[], query: string, includeRevoked: boolean): TokenInfo[] {
  const q = query.toLowerCase()
  return tokens
    .filter((t) => includeRevoked || !t.revokedAt)
    .filter((t) => !q || [t.id, t.label, t.agencyId ?? '', labels.role(t.role)].some((v) => v.toLowerCase().includes(q)))
    .reverse()
}

const hide = { hide: true }
const ROLES: Role[] = ['agency', 'operator', 'analyst']

function createdView(t: TokenInfo & { token: string }): SafeHtml {
  return html`<section class="warning" role="status" aria-labelledby="created-title">
<h2 id="created-title">已发放${labels.role(t.role)}令牌 <code>${t.id}</code>${t.agencyId ? html`（机构 <code>${t.agencyId}</code>）` : ''}</h2>
<p><strong>请立即复制此令牌并安全地交给使用者。令牌只显示这一次，平台只保存它的摘要，之后无法再次查看。</strong></p>
<p id="new-token-label">访问令牌：</p>
<code class="secret" aria-labelledby="new-token-label">${t.token}</code>
<p class="hint">使用者用它登录控制台，或在 API 请求中使用 <code>Authorization: Bearer …</code>。</p>
</section>`
}

/** Whether a token's expiry (PostgreSQL text, e.g. `2027-03-01 08:00:00+00`) has passed. */
function isExpired(expiresAt: string): boolean {
  return Date.parse(expiresAt.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')) <= Date.now()
}

/** Renders the tokens page with the current lists (tokens, and agencies for the form's choice). */
async function tokensPage(user: ConsoleUser, state: PageState): Promise<{ page: SafeHtml; status: number }> {
  const [tokens, agencies] = await Promise.all([
    user.api<{ tokens: TokenInfo[] }>('GET', '/v1/admin/tokens'),
    user.api<{ agencies: { id: string; name: string }[] }>('GET', '/v1/admin/agencies'),
  ])
  const form = state.form ?? { role: 'agency', agencyId: '', label: '' }
  const query = state.query ?? ''
  const includeRevoked = state.includeRevoked ?? false
  const shown = matching(tokens.ok ? tokens.data.tokens : [], query, includeRevoked)
  const listed = shown.slice(0, MAX_ROWS)
  const caption = `${query ? `与“${query}”匹配的` : '全部'}${includeRevoked ? '' : '有效'}令牌（共 ${shown.length} 个，新发放的在前${shown.length > listed.length ? `，显示前 ${listed.length} 个，请搜索以缩小范围` : ''}；不含令牌本身）`
  const rows = listed.map((t) => [
    html`<code>${t.id}</code>${t.id === user.tokenId ? '（当前登录）' : ''}`,
    labels.role(t.role),
    t.agencyId ? html`<code>${t.agencyId}</code>` : '—',
    t.label || '—',
    formatTime(t.createdAt),
    t.revokedAt ? `已吊销（${formatTime(t.revokedAt)}）` : `${isExpired(t.expiresAt) ? '已过期' : '有效'}（至 ${formatTime(t.expiresAt)}）`,
    t.revokedAt
      ? '—'
      : html`<form method="post" action="/console/admin/tokens/${t.id}/revoke"><button type="submit" class="danger" aria-label="吊销令牌 ${t.id}">吊销</button></form>`,
  ])
  const page = layout({
    title: '令牌',
    user,
    current: '/console/admin/tokens',
    body: html`<h1>令牌</h1>
${state.created ? createdView(state.created) : ''}
${state.notice ? html`<p class="notice" role="status">${state.notice}</p>` : ''}
${state.revokeError ? apiErrorView(state.revokeError, '令牌未吊销') : ''}
${tokens.ok ? '' : apiErrorView(tokens.error, '无法读取令牌列表')}
<section class="card" aria-labelledby="create-title">
<h2 id="create-title">发放令牌</h2>
${state.error ? apiErrorView(state.error, '令牌未发放') : ''}
<form method="post" action="/console/admin/tokens">
  <label for="token-role">角色</label>
  <select id="token-role" name="role">${ROLES.map((r) => html`<option value="${r}"${form.role === r ? html` selected` : ''}>${labels.role(r)}</option>`)}</select>
  <label for="token-agency">机构（仅机构令牌填写）</label>
  <select id="token-agency" name="agencyId">
    <option value="">（不指定机构）</option>
    ${(agencies.ok ? agencies.data.agencies : []).map(
      (a) => html`<option value="${a.id}"${form.agencyId === a.id ? html` selected` : ''}>${a.name}（${a.id}）</option>`,
    )}
  </select>
  <label for="token-label">标签</label>
  <input type="text" id="token-label" name="label" maxlength="100" value="${form.label}" aria-describedby="token-label-hint">
  <p class="hint" id="token-label-hint">写明给谁、做什么用，如“张三 运营值班”，便于日后识别和吊销。</p>
  <div class="actions"><button type="submit">发放令牌</button></div>
</form>
</section>
<section class="card" aria-labelledby="list-title">
<h2 id="list-title">令牌列表</h2>
<form method="get" action="/console/admin/tokens" role="search" class="inline-search">
  <label for="token-q">搜索令牌</label>
  <div class="actions">
    <input type="text" id="token-q" name="q" value="${query}" placeholder="编号、标签、机构或角色" spellcheck="false">
    <label><input type="checkbox" name="all" value="1"${includeRevoked ? html` checked` : ''}> 包括已吊销</label>
    <button type="submit" class="secondary">搜索</button>
  </div>
</form>
${tokens.ok
  ? rows.length > 0
    ? tableView(caption, ['编号', '角色', '机构', '标签', '创建时间', '状态', '操作'], rows)
    : html`<p>没有${query ? `与“${query}”匹配的` : ''}${includeRevoked ? '' : '有效'}令牌。</p>`
  : ''}
</section>`,
  })
  return { page, status: tokens.ok ? 200 : tokens.status }
}

async function send(reply: FastifyReply, user: ConsoleUser, state: PageState, status?: number) {
  const { page, status: listStatus } = await tokensPage(user, state)
  return sendPage(reply, page, status ?? listStatus)
}

/** The operator's tokens: list, issue (the token shown once), revoke. */
export const adminTokenPages: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', requireConsoleRole('operator'))

  app.get('/admin/tokens', { schema: hide }, async (request: FastifyRequest<{ Querystring: { agency?: string; revoked?: string; q?: string; all?: string } }>, reply) => {
    const { agency, revoked, q, all } = request.query
    return send(reply, request.consoleUser!, {
      query: typeof q === 'string' ? q.trim().slice(0, 100) : '',
      includeRevoked: all === '1',
      ...(agency ? { form: { role: 'agency', agencyId: agency, label: '' } } : {}),
      ...(revoked ? { notice: `令牌 ${revoked} 已吊销，立即失效。` } : {}),
    })
  })

  app.post('/admin/tokens', { schema: hide }, async (request, reply) => {
    const user = request.consoleUser!
    const body = request.body as FormBody
    const form: TokenForm = { role: field(body, 'role'), agencyId: field(body, 'agencyId'), label: field(body, 'label').trim() }
    // Only what was chosen is sent: an empty agency means none, and the API says whether the role needs one.
    const payload = { role: form.role, ...(form.agencyId ? { agencyId: form.agencyId } : {}), ...(form.label ? { label: form.label } : {}) }
    const result = await user.api<TokenInfo & { token: string }>('POST', '/v1/admin/tokens', payload)
    if (!result.ok) return send(reply, user, { form, error: result.error }, result.status)
    return send(reply, user, { created: result.data }, 201)
  })

  app.post('/admin/tokens/:id/revoke', { schema: hide }, async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const user = request.consoleUser!
    const id = request.params.id
    if (!/^[a-z0-9]{10}$/.test(id)) return sendPage(reply, statusPage({ title: '找不到令牌', text: '令牌编号不正确。', user }), 404)
    const result = await user.api('DELETE', `/v1/admin/tokens/${id}`)
    if (!result.ok) return send(reply, user, { revokeError: result.error }, result.status)
    return reply.redirect(`/console/admin/tokens?revoked=${id}`, 303)
  })
}
