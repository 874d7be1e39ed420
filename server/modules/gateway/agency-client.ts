import { type ClientRequest, type IncomingMessage, request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { type SigningKeys, signRequest } from '../../contracts/signing'
import { AddressRefused, type AgencyNetwork, developmentNetwork } from './agency-network'
import { endpointShapeProblems } from './endpoint-rules'

/** What the platform sends to an agency: the operation's method and path (parameters filled in), query and JSON body. */
export interface AgencyRequest {
  method: 'GET' | 'POST'
  /** Path relative to the agency's endpoint, e.g. /v1/violations/1234567890123456 */
  path: string
  query?: Record<string, string>
  body?: unknown
}

/** A request ready to send: absolute URL, the exact target and body bytes a signature covers. */
export interface PreparedRequest {
  method: 'GET' | 'POST'
  url: string
  /** Path and query as they go on the wire (what agencies verify the signature over). */
  target: string
  bodyText: string
}

/** timeout, too-large and network as before; refused: the address policy forbade the connection (nothing was sent). */
export type AgencyFailure = 'timeout' | 'too-large' | 'network' | 'refused'

/**
 * An agency's answer, or why there was none. A hostile endpoint cannot hurt
 * the caller: the whole exchange is bounded in time and in size.
 */
export interface AgencyAnswer {
  status?: number
  ms: number
  text: string
  /** The body parsed as JSON, when it was JSON. */
  json?: unknown
  failure?: AgencyFailure
  /** A sentence for evidence and logs (never the body: it may carry PII). */
  note: string
}

export interface CallLimits {
  /** Default 5 s (04-platform.md: agency calls time out). */
  timeoutMs?: number
  /** Largest body read; default 1 MiB. */
  maxBytes?: number
  /** Where connections may go (the configured address policy); development's when absent. */
  network?: AgencyNetwork
}

const DEFAULT_TIMEOUT_MS = 5000
const DEFAULT_MAX_BYTES = 1024 * 1024

/** An endpoint the platform will not call at all: its form breaks the endpoint rules. */
export class EndpointRefused extends Error {}

// A dot segment ('..', '%2e.', …) would let a parameter walk out of the endpoint's path prefix.
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i

/**
 * The request's URL, built from its parts rather than by pasting text: the
 * endpoint's origin and path prefix, then the operation's path, so nothing in
 * an endpoint (a "#" or "?") or in a parameter can make the platform call a
 * path other than the operation's under the endpoint.
 */
export function prepareRequest(endpoint: string, req: AgencyRequest): PreparedRequest {
  const problems = endpointShapeProblems(endpoint)
  if (problems.length > 0) throw new EndpointRefused(`endpoint ${problems.join('; ')}`)
  if (!req.path.startsWith('/') || req.path.includes('?') || req.path.includes('#') || req.path.split('/').some((s) => DOT_SEGMENT.test(s))) {
    throw new EndpointRefused(`not an operation path: ${req.path}`)
  }
  const base = new URL(endpoint)
  const url = new URL(base.origin)
  url.pathname = base.pathname.replace(/\/+$/, '') + req.path
  for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v)
  return {
    method: req.method,
    url: url.href,
    target: url.pathname + url.search,
    bodyText: req.body === undefined ? '' : JSON.stringify(req.body),
  }
}

/** Signature headers for a prepared request with the agency's secret. */
export function signPrepared(req: PreparedRequest, secret: SigningKeys, now = Date.now()): Record<string, string> {
  return signRequest({ method: req.method, target: req.target, body: req.bodyText }, secret, now)
}

function errorCode(err: unknown): string {
  const e = err as { code?: string; errors?: { code?: string }[]; message?: string }
  return e.code ?? e.errors?.[0]?.code ?? e.message ?? 'unknown error'
}

/**
 * Sends a prepared request with the given headers (signed or deliberately not,
 * for the review's signature cases) and reads at most `maxBytes` of the answer
 * within `timeoutMs`, redirects not followed. The connection goes only where
 * the network's address policy allows, checked on the address actually
 * connected to; a refused one answers `refused` without sending anything.
 */
export function sendPrepared(req: PreparedRequest, headers: Record<string, string>, limits: CallLimits = {}): Promise<AgencyAnswer> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES
  const network = limits.network ?? developmentNetwork()
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const url = new URL(req.url)
  const refused = network.refusal(url)
  if (refused) return Promise.resolve({ ms: 0, text: '', failure: 'refused', note: `not connected: ${refused} (agency endpoints must be public)` })

  return new Promise<AgencyAnswer>((resolve) => {
    let settled = false
    const finish = (answer: AgencyAnswer) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(answer)
    }
    const body = req.bodyText ? Buffer.from(req.bodyText) : undefined
    let request: ClientRequest
    const timer = setTimeout(() => {
      finish({ ms: elapsed(), text: '', failure: 'timeout', note: `no complete answer within ${timeoutMs} ms` })
      request.destroy()
    }, timeoutMs)
    const send = (retried: boolean) => {
      request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
        method: req.method,
        agent: network.agent(url),
        headers: {
          accept: 'application/json',
          ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
          ...headers,
        },
      })
      request.on('error', (err) => {
        // A kept-alive connection the server closed just as it was reused: nothing was read, send once more on a new one.
        if (!retried && request.reusedSocket && errorCode(err) === 'ECONNRESET' && !settled) return send(true)
        if (err instanceof AddressRefused) finish({ ms: elapsed(), text: '', failure: 'refused', note: `not connected: ${err.reason} (agency endpoints must be public)` })
        else finish({ ms: elapsed(), text: '', failure: 'network', note: `could not connect (${errorCode(err)})` })
      })
      request.on('response', (res) => onResponse(res))
      request.end(body)
    }
    const onResponse = (res: IncomingMessage) => {
      const status = res.statusCode ?? 0
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > maxBytes) {
          finish({ status, ms: elapsed(), text: '', failure: 'too-large', note: `answer larger than ${maxBytes} bytes; reading stopped` })
          request.destroy()
          return
        }
        chunks.push(chunk)
      })
      res.on('error', (err) => finish({ ms: elapsed(), text: '', failure: 'network', note: `could not connect (${errorCode(err)})` }))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = text === '' ? undefined : JSON.parse(text)
        } catch {
          json = undefined
        }
        finish({ status, ms: elapsed(), text, ...(json === undefined ? {} : { json }), note: `HTTP ${status} in ${elapsed()} ms` })
      })
    }
    send(false)
  })
}

/** An unsigned GET of a URL as it is (a web-view page, an availability probe), bounded like every agency call. */
export function fetchBounded(url: string, headers: Record<string, string>, limits: CallLimits = {}): Promise<AgencyAnswer> {
  const target = new URL(url)
  return sendPrepared({ method: 'GET', url: target.href, target: target.pathname + target.search, bodyText: '' }, headers, limits)
}

/** One signed call to an agency: the gateway's and the review's way of talking to agencies. */
export function callAgency(endpoint: string, secret: SigningKeys, req: AgencyRequest, limits: CallLimits = {}): Promise<AgencyAnswer> {
  let prepared: PreparedRequest
  try {
    prepared = prepareRequest(endpoint, req)
  } catch (err) {
    if (!(err instanceof EndpointRefused)) throw err
    return Promise.resolve({ ms: 0, text: '', failure: 'refused', note: `not sent: ${err.message}` })
  }
  return sendPrepared(prepared, signPrepared(prepared, secret), limits)
}
