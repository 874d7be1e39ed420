import type { FastifyInstance } from 'fastify'
import { isSiteDown } from './outages'

const SITE = /^[a-z0-9][a-z0-9-]{1,62}$/

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The demo catalog's web-view services (agencies' own H5 pages) as small
 * pages on the simulated agencies' host, at `/webview/<service id>/h5/`,
 * with the outages of outages.ts (503 while down), so the platform's probes
 * measure real up and down time.
 */
export function registerWebviewSites(app: FastifyInstance, now: () => number = Date.now): void {
  app.get<{ Params: { site: string } }>('/:site/h5/', async (req, reply) => {
    const { site } = req.params
    if (!SITE.test(site)) return reply.code(404).type('text/plain; charset=utf-8').send('not found')
    if (isSiteDown(site, now())) return reply.code(503).header('retry-after', '600').type('text/html; charset=utf-8').send('<!doctype html><title>系统维护中</title><p>系统维护中，请稍后再试。</p>')
    return reply
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(site)}</title></head><body><h1>${escape(site)}</h1><p>这是演示用的机构 H5 页面。</p></body></html>`)
  })
}
