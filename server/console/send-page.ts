import type { FastifyReply } from 'fastify'
import type { SafeHtml } from './html'

/** Sends a rendered console page. */
export function sendPage(reply: FastifyReply, page: SafeHtml, status = 200): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(page.value)
}
