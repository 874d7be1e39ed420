import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'

// No script: the refresh is the page's only behaviour, and the app's content security policy allows no inline script.
const PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="5"><title>城市服务 · 正在构建</title></head>
<body style="font: 18px/1.6 system-ui, sans-serif; margin: 2em; color: #1f2329">
<h1 style="font-size: 22px">城市服务正在构建手机端页面</h1>
<p>首次启动需要构建 H5 应用，约一到两分钟。构建完成后本页会自动打开，无需操作。</p>
<p>The H5 app is being built (first start, about a minute); this page reloads itself until it is ready.
Meanwhile: <a href="/docs">API docs</a> · <a href="/console">console</a>.</p>
</body></html>
`

/**
 * While the H5 app has no index.html yet (the first `npm start` builds it
 * behind the running server), `/` answers a page that says so and reloads
 * itself, instead of a 404. Registered only when the build was missing at
 * start, so a built app pays nothing for it.
 */
export function serveH5Pending(app: FastifyInstance, h5Dir: string): void {
  const index = join(h5Dir, 'index.html')
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url.split('?')[0] !== '/' || existsSync(index)) return
    return reply.status(503).header('retry-after', '5').header('cache-control', 'no-store').type('text/html; charset=utf-8').send(PAGE)
  })
}
