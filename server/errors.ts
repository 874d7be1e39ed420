import type { FastifyError, FastifyInstance } from 'fastify'
import { Type } from 'typebox'

/** The uniform error body of 04-platform.md. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. CITY_NOT_FOUND' }),
      message: Type.String({ description: 'What went wrong and what to fix, in English and Chinese' }),
      details: Type.Array(
        Type.Object({ path: Type.String(), message: Type.String() }, { additionalProperties: true }),
      ),
    }),
  },
  { $id: 'ErrorBody', description: 'Every error answer has this body' },
)

export interface ErrorDetail {
  path: string
  message: string
}

/** An error a route throws on purpose: status, stable code, bilingual message. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message)
  }
}

// Ajv keywords → a bilingual explanation of what to send instead.
function describeValidation(v: NonNullable<FastifyError['validation']>[number], context: string): ErrorDetail {
  const params = v.params as Record<string, unknown>
  const field = (params.missingProperty as string | undefined) ?? v.instancePath.replace(/^\//, '').replace(/\//g, '.')
  const where = context === 'querystring' ? 'query parameter' : context === 'params' ? 'path parameter' : context
  const path = field ? `${context}.${field}` : context
  switch (v.keyword) {
    case 'required':
      return { path, message: `${where} ${field} is required / 缺少参数 ${field}` }
    case 'type':
      return { path, message: `${where} ${field} must be a ${params.type} / 参数 ${field} 必须是${params.type === 'number' || params.type === 'integer' ? '数字' : String(params.type)}` }
    case 'minimum':
    case 'maximum':
      return { path, message: `${where} ${field} ${v.message} / 参数 ${field} 超出范围` }
    case 'pattern':
    case 'format':
      return { path, message: `${where} ${field} has the wrong format / 参数 ${field} 格式不正确` }
    case 'additionalProperties':
      return { path: `${path}.${String(params.additionalProperty)}`, message: `unknown field ${String(params.additionalProperty)} / 不认识的字段` }
    default:
      return { path, message: `${where} ${field} ${v.message ?? 'is invalid'} / 参数 ${field} 不正确` }
  }
}

/**
 * Every error leaves as `{ error: { code, message, details } }`: 4xx for the
 * caller's mistakes with what to fix, 5xx without internals (logged, never sent).
 */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.status(err.statusCode).send({ error: { code: err.code, message: err.message, details: err.details } })
    }
    if (err.validation) {
      const details = err.validation.map((v) => describeValidation(v, err.validationContext ?? 'request'))
      return reply.status(400).send({
        error: { code: 'VALIDATION_FAILED', message: details.map((d) => d.message).join('; '), details },
      })
    }
    const status = err.statusCode ?? 500
    if (status === 413) {
      return reply.status(413).send({ error: { code: 'BODY_TOO_LARGE', message: 'The body is larger than 64 KiB / 请求内容超过 64 KiB', details: [] } })
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: err.code ?? 'BAD_REQUEST', message: err.message, details: [] } })
    }
    request.log.error({ err }, 'unhandled error')
    return reply.status(500).send({
      error: { code: 'INTERNAL', message: 'Something went wrong on our side; please retry / 服务器开小差了，请稍后重试', details: [] },
    })
  })

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0]!.slice(0, 200)
    reply.status(404).send({
      error: { code: 'NOT_FOUND', message: `No route ${request.method} ${path} / 找不到该接口`, details: [] },
    })
  })
}
