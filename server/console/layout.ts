import type { Role } from '../modules/auth/token'
import type { WhoAmI } from './console-user'
import { html, type SafeHtml } from './html'
import { labels } from './labels'

// One navigation per role; the API decides what each may do, this only offers it.
const NAV: Record<Role, [href: string, text: string][]> = {
  agency: [
    ['/console/agency', '我的服务'],
    ['/console/agency/services/new', '提交新服务'],
    ['/console/agency/tickets', '差评整改'],
  ],
  operator: [
    ['/console/admin', '审核队列'],
    ['/console/admin/agencies', '机构'],
    ['/console/admin/tokens', '令牌'],
    ['/console/admin/audit', '审计日志'],
    ['/console/admin/tickets', '差评整改'],
  ],
  analyst: [
    ['/console/analyst', '概览'],
    ['/console/analyst/ranking', '城市排名'],
    ['/console/analyst/domains', '领域与类型'],
    ['/console/analyst/leapfrog', '黑马城市'],
    ['/console/analyst/weights', '专家权重'],
    ['/console/analyst/report', '报告'],
    ['/console/analyst/satisfaction', '好差评满意度'],
  ],
}

export interface PageOptions {
  title: string
  body: SafeHtml
  /** The signed-in user; without one (login, errors before sign-in) there is no navigation. */
  user?: WhoAmI
  /** The nav entry to mark as the current page. */
  current?: string
  /** Reload the page after this many seconds (a review still running); works without JavaScript. */
  refreshSeconds?: number
}

function whoText(user: WhoAmI): string {
  if (user.role === 'agency') return `机构：${user.agency?.name ?? user.agencyId ?? ''}`
  return labels.role(user.role) + (user.label ? `（${user.label}）` : '')
}

/** The one page frame of the console: head, header with role and 退出, per-role navigation, main content. */
export function layout(o: PageOptions): SafeHtml {
  const nav = o.user ? NAV[o.user.role] : []
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${o.refreshSeconds ? html`<meta http-equiv="refresh" content="${o.refreshSeconds}">` : ''}
<title>${o.title} · OneCity 控制台</title>
<link rel="stylesheet" href="/console/console.css">
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="top">
  <a class="brand" href="/console">OneCity 城市服务 · 控制台</a>
  ${o.user
    ? html`<div class="who"><span>${whoText(o.user)}</span>
  <form method="post" action="/console/logout"><button type="submit">退出</button></form></div>`
    : ''}
</header>
${nav.length > 0
  ? html`<nav class="main" aria-label="主导航"><ul>${nav.map(
      ([href, text]) => html`<li><a href="${href}"${o.current === href ? html` aria-current="page"` : ''}>${text}</a></li>`,
    )}</ul></nav>`
  : ''}
<main id="main">
${o.body}
</main>
</body>
</html>
`
}
