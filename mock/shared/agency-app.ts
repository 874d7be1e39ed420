import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Static, TSchema } from 'typebox'
import { SIGNATURE_ERROR_CODES, type Operation } from '../../server/contracts/common'
import { keepRawJsonBodies, rawJsonBody } from '../../server/contracts/raw-json-body'
import { MAX_SKEW_MS, createReplayGuard, verifyRequest } from '../../server/contracts/signing'
import { ErrorBody, HttpError, registerErrorHandling } from '../../server/errors'

/**
 * Deliberate defects, so the platform's quality review can be tested against
 * a broken agency. Each affects exactly what its name says.
 */
export interface AgencyFaults {
  /** Every 200 JSON answer is wrapped as `{ "data": <answer> }` (no longer the contract's schema). */
  wrongSchema?: boolean
  /** What would be a 400 (VALIDATION_FAILED, INVALID_JSON, missing body) is a plain-text 500 instead. */
  serverErrorOnBadInput?: boolean
  /** No signature check: unsigned, tampered, stale and replayed requests are all served. */
  acceptUnsigned?: boolean
  /** Every 4xx message gets the first full ID number of the JSON request body appended (a PII leak). */
  echoIdNumber?: boolean
  /** Every answer, whatever its status, leaves only after this many milliseconds. */
  delayMs?: number
}

/** What every simulated agency is built from. */
export interface AgencyOptions {
  /** The agency's signing secret (issued at onboarding); replaced by `latestSecret` after a rotation. */
  secret: string
  /**
   * Development: where the agency learns a secret the operator rotated (the
   * platform's own record), asked only when a request's signature does not
   * match, so the demo mocks keep working after the overlap ends.
   */
  latestSecret?: () => Promise<string | undefined>
  /** The agency's clock (ms); tests pin it. Signature freshness uses it too. */
  now?: () => number
  /** Fastify logging of a standalone app; off by default (requests carry PII). */
  logger?: boolean
  /** Defects to simulate; none by default. */
  faults?: AgencyFaults
  /** The tenant's agency id on a shared host: agencies that serve a city derive which from it. */
  tenantId?: string
}

/** A Fastify server hosting one or more agencies. */
export type AgencyApp = FastifyInstance

/** The encapsulated scope one agency tenant registers its operations in. */
export type AgencyScope = FastifyInstance

/**
 * An agency implementation: registers its operations in `scope` and keeps its
 * state in the closure, so every registration is an independent tenant.
 */
export type AgencyPlugin<O extends AgencyOptions = AgencyOptions> = (scope: AgencyScope, options: O) => void

const SIGNATURE_MESSAGES = {
  SIGNATURE_REQUIRED: 'This agency answers only signed requests: send x-onecity-timestamp, x-onecity-nonce and x-onecity-signature / 请求未签名',
  SIGNATURE_STALE: 'The request timestamp is outside the allowed clock skew of 5 minutes / 请求已过期，请检查时间戳',
  SIGNATURE_INVALID: 'The signature does not match the request (method, path, timestamp, nonce, body) / 签名与请求不符',
  SIGNATURE_REPLAYED: 'This nonce was already used; sign every request afresh / 请求重复（nonce 已使用）',
} as const


const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/

/** A bare server: JSON bodies parsed with their exact bytes kept, nothing routed yet. */
function createServer(logger = false): AgencyApp {
  const app = Fastify({
    logger,
    bodyLimit: 64 * 1024,
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  // Keep the exact bytes: the signature covers the body as sent, not as re-serialised.
  keepRawJsonBodies(app)
  return app
}

/**
 * An empty multi-tenant host: add agencies with `mountAgency`. A path under
 * no tenant answers 404 in the uniform error body.
 */
export function createAgencyHost(options: { logger?: boolean } = {}): AgencyApp {
  const app = createServer(options.logger)
  registerErrorHandling(app)
  return app
}

/**
 * Mounts one agency tenant under `prefix` ('' or '/<agencyId>') in its own
 * encapsulated scope: its own secret, replay guard, state, faults, error
 * handling and 404s. It answers only requests signed with its secret over the
 * target exactly as received (prefix and query included), checked before
 * validation so an unsigned request never learns what a valid one looks like.
 */
export function mountAgency<O extends AgencyOptions>(host: AgencyApp, prefix: string, agency: AgencyPlugin<O>, options: O): void {
  host.register(
    async (scope) => {
      const now = options.now ?? Date.now
      const guard = createReplayGuard(MAX_SKEW_MS, now)
      const faults = options.faults ?? {}
      // Its own 404s too, so they pass its signature check and faults. Fastify
      // allows one 404 handler per prefix: a standalone app's root has none.
      registerErrorHandling(scope)

      scope.addHook('preValidation', async (req) => {
        const raw = rawJsonBody(req)
        // A page the citizen's browser opens (an identity agency's face-check page) is not a platform call.
        const unsigned = (req.routeOptions.config as { unsigned?: boolean }).unsigned === true
        if (!faults.acceptUnsigned && !unsigned) {
          const verify = () => verifyRequest({ method: req.method, target: req.url, body: raw.text }, req.headers, options.secret, { now: now(), guard })
          let result = verify()
          if (!result.ok && result.reason === 'bad-signature' && options.latestSecret) {
            const latest = await options.latestSecret()
            // Shared with the agency's own code (a payment agency signs its notifications with it).
            if (latest && latest !== options.secret) {
              options.secret = latest
              result = verify()
            }
          }
          if (!result.ok) {
            const code = SIGNATURE_ERROR_CODES[result.reason]
            throw new HttpError(401, code, SIGNATURE_MESSAGES[code])
          }
        }
        if (raw.parseError) throw new HttpError(400, 'INVALID_JSON', 'The body is not valid JSON / 请求体不是合法的 JSON')
      })
      if (faults.wrongSchema || faults.serverErrorOnBadInput || faults.echoIdNumber || faults.delayMs) {
        scope.addHook('onSend', async (req, reply, payload) => applyFaults(faults, req, reply, payload))
      }

      agency(scope, options)
    },
    { prefix },
  )
}

/** Rewrites a finished answer (already serialised) as the faults say. */
async function applyFaults(faults: AgencyFaults, req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (faults.delayMs) await sleep(faults.delayMs)
  const status = reply.statusCode
  if (typeof payload !== 'string' || !String(reply.getHeader('content-type')).startsWith('application/json')) return payload
  if (faults.wrongSchema && status === 200) return `{"data":${payload}}`
  if (faults.serverErrorOnBadInput && status === 400) {
    reply.code(500).header('content-type', 'text/plain; charset=utf-8')
    return 'Internal Server Error'
  }
  const leaked = faults.echoIdNumber && status >= 400 && status < 500 ? rawJsonBody(req).text.match(ID_NUMBER)?.[0] : undefined
  if (!leaked) return payload
  const body = JSON.parse(payload) as { error: { message: string } }
  body.error.message = `${body.error.message} (${leaked})`
  return JSON.stringify(body)
}

/** A standalone agency: one tenant at the root of its own app (tests use inject()). */
export function createAgencyApp<O extends AgencyOptions>(agency: AgencyPlugin<O>, options: O): AgencyApp {
  const app = createServer(options.logger)
  mountAgency(app, '', agency, options)
  return app
}

type In<S> = S extends TSchema ? Static<S> : undefined

/** What a handler receives: the validated parts of the request, typed by the operation's schemas. */
export interface OperationInput<Op extends Operation> {
  body: In<Op['body']>
  params: In<Op['params']>
  query: In<Op['query']>
}

/**
 * Registers one contract operation: request validated and the 200 answer
 * serialised with the shared schemas (so nothing outside the schema leaves),
 * 4xx answers in the uniform error body.
 */
export function implement<Op extends Operation>(
  scope: AgencyScope,
  op: Op,
  handler: (input: OperationInput<Op>, req: FastifyRequest) => Static<Op['response']> | Promise<Static<Op['response']>>,
): void {
  scope.route({
    method: op.method,
    url: op.path,
    schema: {
      summary: op.summary,
      ...(op.params ? { params: op.params } : {}),
      ...(op.query ? { querystring: op.query } : {}),
      ...(op.body ? { body: op.body } : {}),
      response: { 200: op.response, '4xx': ErrorBody },
    },
    handler: async (req) => {
      if (op.body && req.body === undefined) {
        throw new HttpError(400, 'VALIDATION_FAILED', 'A JSON body is required / 缺少请求体', [{ path: 'body', message: 'required / 必填' }])
      }
      return handler({ body: req.body, params: req.params, query: req.query } as OperationInput<Op>, req)
    },
  })
}

/** A bilingual 4xx with its status from the contract's error table. */
export function fail<Codes extends string>(table: Record<Codes, number>, code: Codes, message: string, details: { path: string; message: string }[] = []): HttpError {
  return new HttpError(table[code], code, message, details)
}
