import type { FastifyPluginAsync } from 'fastify'
import { html } from './html'
import { layout } from './layout'
import { requireConsoleRole } from './require-console-role'
import { sendPage } from './send-page'

/** The analyst's home: a placeholder until the statistics pages are built (a later issue). */
export const analystPage: FastifyPluginAsync = async (app) => {
  app.addHook('preHandler', requireConsoleRole('analyst'))

  app.get('/analyst', { schema: { hide: true } }, async (request, reply) =>
    sendPage(
      reply,
      layout({
        title: '统计',
        user: request.consoleUser!,
        current: '/console/analyst',
        body: html`<h1>统计</h1><p>统计分析页面（活跃用户、回访率、城市指数等）将在后续版本提供。</p>
<p>目前可以在 <a href="/docs">API 文档</a> 中查看统计接口。</p>`,
      }),
    ),
  )
}
