import type { Server, Socket } from 'node:net'
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { HttpConfig } from './http-config'
import { trustedProxyMatcher } from './http-config'
import { BARE_ANSWER_HEADERS } from './security-headers'

/**
 * Errors met before routing (a URL that is not valid percent-encoding,
 * `GET /%`) get the same body and headers as every other answer; no hook runs for them.
 */
function answerFrameworkError(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400
  void reply
    .headers(BARE_ANSWER_HEADERS)
    .status(status)
    .send({ error: { code: err.code === 'FST_ERR_BAD_URL' ? 'BAD_URL' : 'BAD_REQUEST', message: 'The address is not valid (malformed percent-encoding) / 网址格式不正确', details: [] } })
}

/**
 * The Fastify options that bound what a slow or greedy client can hold
 * (issue 16 finding 7): headers and whole requests must arrive in time,
 * idle keep-alive connections close, and the client address comes from
 * X-Forwarded-For only when it was sent by a trusted proxy (finding 9);
 * a URL Fastify cannot route gets the uniform error body (finding 11).
 */
export function serverOptions(http: HttpConfig) {
  return {
    trustProxy: http.trustProxy.length > 0 ? http.trustProxy : false,
    frameworkErrors: answerFrameworkError,
    keepAliveTimeout: http.keepAliveTimeoutMs,
    requestTimeout: http.requestTimeoutMs,
    maxRequestsPerSocket: http.maxRequestsPerSocket,
    http: {
      headersTimeout: http.headersTimeoutMs,
      requestTimeout: http.requestTimeoutMs,
      keepAliveTimeout: http.keepAliveTimeoutMs,
      // Node checks the two timeouts only this often (30 s by default): a slow client would outlive its limit by that much.
      connectionsCheckingInterval: Math.max(100, Math.min(5000, Math.floor(http.headersTimeoutMs / 4))),
    },
  }
}

/**
 * Caps open connections, in all and per client address, so one client
 * cannot use up the process's file descriptors and everyone else (and
 * /healthz) still gets in. A connection over its address's cap is closed at
 * once. Trusted proxies are exempt: every client behind them shares their address.
 */
export function capConnections(server: Server, http: HttpConfig): void {
  if (http.maxConnections > 0) server.maxConnections = http.maxConnections
  const cap = http.maxConnectionsPerAddress
  if (cap === 0) return
  const trusted = trustedProxyMatcher(http.trustProxy)
  const open = new Map<string, number>()
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress
    if (!address || trusted(address)) return
    const count = (open.get(address) ?? 0) + 1
    if (count > cap) {
      socket.destroy()
      return
    }
    open.set(address, count)
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1
      if (left > 0) open.set(address, left)
      else open.delete(address)
    })
  })
}
