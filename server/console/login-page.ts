import { html, type SafeHtml } from './html'
import { layout } from './layout'

/** The sign-in form: the user pastes an API token; `message` explains a failed attempt or a finished session. */
export function loginPage(o: { message?: string; error?: boolean } = {}): SafeHtml {
  return layout({
    title: '登录',
    body: html`<h1>登录控制台</h1>
${o.message ? html`<p class="${o.error ? 'alert' : 'notice'}" role="${o.error ? 'alert' : 'status'}">${o.message}</p>` : ''}
<section class="card">
<form method="post" action="/console/login">
  <label for="token">访问令牌</label>
  <input type="password" id="token" name="token" autocomplete="off" spellcheck="false" required aria-describedby="token-hint">
  <p class="hint" id="token-hint">令牌以 <code>oc_</code> 开头，由运营人员发放：<code>npm run cli -- token create --role agency --agency &lt;机构标识&gt;</code>；
  演示数据的令牌在 <code>&lt;数据目录&gt;/demo-tokens.json</code> 中。</p>
  <div class="actions"><button type="submit">登录</button></div>
</form>
</section>
<p class="hint">机构可提交和修改服务清单、查看审核结果；运营人员处理审核队列、机构、令牌和审计日志。</p>`,
  })
}
