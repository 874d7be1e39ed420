import { type SigningKeys, signRequest } from '../../contracts/signing'

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

export type AgencyFailure = 'timeout' | 'too-large' | 'network'

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
}

const DEFAULT_TIMEOUT_MS = 5000
const DEFAULT_MAX_BYTES = 1024 * 1024

export function prepareRequest(endpoint: string, req: AgencyRequest): PreparedRequest {
  const url = new URL(endpoint.replace(/\/+$/, '') + req.path)
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

/**
 * Sends a prepared request with the given headers (signed or deliberately not,
 * for the review's signature cases) and reads at most `maxBytes` of the answer
 * within `timeoutMs`, redirects not followed.
 */
export async function sendPrepared(req: PreparedRequest, headers: Record<string, string>, limits: CallLimits = {}): Promise<AgencyAnswer> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES
  const started = performance.now()
  const elapsed = () => Math.round(performance.now() - started)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const res = await fetch(req.url, {
      method: req.method,
      headers: { accept: 'application/json', ...(req.bodyText ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(req.bodyText ? { body: req.bodyText } : {}),
      redirect: 'manual',
      signal: controller.signal,
    })
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = res.body?.getReader()
    for (let next = await reader?.read(); reader && next && !next.done; next = await reader.read()) {
      size += next.value.byteLength
      if (size > maxBytes) {
        controller.abort()
        return { status: res.status, ms: elapsed(), text: '', failure: 'too-large', note: `answer larger than ${maxBytes} bytes; reading stopped` }
      }
      chunks.push(next.value)
    }
    const text = Buffer.concat(chunks).toString('utf8')
    let json: unknown
    try {
      json = text === '' ? undefined : JSON.parse(text)
    } catch {
      json = undefined
    }
    return { status: res.status, ms: elapsed(), text, ...(json === undefined ? {} : { json }), note: `HTTP ${res.status} in ${elapsed()} ms` }
  } catch (err) {
    if (controller.signal.aborted) return { ms: elapsed(), text: '', failure: 'timeout', note: `no complete answer within ${timeoutMs} ms` }
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message
    return { ms: elapsed(), text: '', failure: 'network', note: `could not connect (${cause})` }
  } finally {
    clearTimeout(timer)
  }
}

/** An unsigned GET of a URL as it is (a web-view page, an availability probe), bounded like every agency call. */
export function fetchBounded(url: string, headers: Record<string, string>, limits: CallLimits = {}): Promise<AgencyAnswer> {
  const target = new URL(url)
  return sendPrepared({ method: 'GET', url: target.href, target: target.pathname + target.search, bodyText: '' }, headers, limits)
}

/** One signed call to an agency: the gateway's and the review's way of talking to agencies. */
export function callAgency(endpoint: string, secret: SigningKeys, req: AgencyRequest, limits: CallLimits = {}): Promise<AgencyAnswer> {
  const prepared = prepareRequest(endpoint, req)
  return sendPrepared(prepared, signPrepared(prepared, secret), limits)
}
