import type { WhoAmI } from './console-user'
import { ROLE_HOME } from './console-user'
import { html, type SafeHtml } from './html'
import { layout } from './layout'

/**
 * A page that only explains something (forbidden, not found, a failure) and
 * offers the way back: the user's own home when signed in, else the login.
 */
export function statusPage(o: { title: string; text: string; user?: WhoAmI; body?: SafeHtml }): SafeHtml {
  const back = o.user ? html`<a href="${ROLE_HOME[o.user.role]}">返回我的首页</a>` : html`<a href="/console/login">前往登录</a>`
  return layout({
    title: o.title,
    ...(o.user ? { user: o.user } : {}),
    body: html`<h1>${o.title}</h1><p>${o.text}</p>${o.body ?? ''}<p>${back}</p>`,
  })
}
