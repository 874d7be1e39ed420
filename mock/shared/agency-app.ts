import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify'
import type { Static, TSchema } from 'typebox'
import { SIGNATURE_ERROR_CODES, type Operation } from '../../server/contracts/common'
import { MAX_SKEW_MS, createReplayGuard, verifyRequest } from '../../server/contracts/signing'
import { ErrorBody, HttpError, registerErrorHandling } from '../../server/errors'

/** What every simulated agency is built from. */
export interface AgencyOptions {
  /** The agency's signing secret (issued at onboarding). */
  secret: string
  /** The agency's clock (ms); tests pin it. Signature freshness uses it too. */
  now?: () => number
  /** Fastify logging; off by default (requests carry PII). */
  logger?: boolean
}

export type AgencyApp = FastifyInstance

const SIGNATURE_MESSAGES = {
  SIGNATURE_REQUIRED: 'This agency answers only signed requests: send x-onecity-timestamp, x-onecity-nonce and x-onecity-signature / 请求未签名',
  SIGNATURE_STALE: 'The request timestamp is outside the allowed clock skew of 5 minutes / 请求已过期，请检查时间戳',
  SIGNATURE_INVALID: 'The signature does not match the request (method, path, timestamp, nonce, body) / 签名与请求不符',
  SIGNATURE_REPLAYED: 'This nonce was already used; sign every request afresh / 请求重复（nonce 已使用）',
} as const

interface RawBody {
  text: string
  parseError: boolean
}

/**
 * A Fastify app that answers only requests signed with `secret` (checked
 * before validation, so an unsigned request never learns what a valid one
 * looks like), validates with the contract schemas (every problem at once,
 * unknown fields refused) and answers errors in the platform's uniform body.
 */
export function createAgencyApp(options: AgencyOptions): AgencyApp {
  const now = options.now ?? Date.now
  const guard = createReplayGuard(MAX_SKEW_MS, now)
  const bodies = new WeakMap<FastifyRequest, RawBody>()
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 64 * 1024,
    ajv: { customOptions: { allErrors: true, removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>()

  registerErrorHandling(app)

  // Keep the exact bytes: the signature covers the body as sent, not as re-serialised.
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (text === '') {
      bodies.set(req, { text, parseError: false })
      return done(null, undefined)
    }
    try {
      const parsed: unknown = JSON.parse(text)
      bodies.set(req, { text, parseError: false })
      done(null, parsed)
    } catch {
      bodies.set(req, { text, parseError: true })
      done(null, undefined)
    }
  })

  app.addHook('preValidation', async (req) => {
    const raw = bodies.get(req) ?? { text: '', parseError: false }
    const result = verifyRequest({ method: req.method, target: req.url, body: raw.text }, req.headers, options.secret, { now: now(), guard })
    if (!result.ok) {
      const code = SIGNATURE_ERROR_CODES[result.reason]
      throw new HttpError(401, code, SIGNATURE_MESSAGES[code])
    }
    if (raw.parseError) throw new HttpError(400, 'INVALID_JSON', 'The body is not valid JSON / 请求体不是合法的 JSON')
  })
  return app
}

type In<S> = S extends TSchema ? Static<S> : undefined

/** What a handler receives: the validated parts of the request, typed by the operation's schemas. */
export interface OperationInput<Op extends Operation> {
  body: In<Op['body']>
  params: In<Op['params']>
  query: In<Op['query']>
}

/** The operation of the table with this name, with its exact schema types. */
export function operation<const Ops extends readonly Operation[], N extends Ops[number]['name']>(
  ops: Ops,
  name: N,
): Extract<Ops[number], { name: N }> {
  const op = ops.find((o) => o.name === name)
  if (!op) throw new Error(`no operation ${name}`)
  return op as Extract<Ops[number], { name: N }>
}

/**
 * Registers one contract operation: request validated and the 200 answer
 * serialised with the shared schemas (so nothing outside the schema leaves),
 * 4xx answers in the uniform error body.
 */
export function implement<Op extends Operation>(
  app: AgencyApp,
  op: Op,
  handler: (input: OperationInput<Op>, req: FastifyRequest) => Static<Op['response']> | Promise<Static<Op['response']>>,
): void {
  app.route({
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
