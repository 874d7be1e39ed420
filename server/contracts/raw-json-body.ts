import type { FastifyInstance, FastifyRequest } from 'fastify'

/** A JSON body's exact bytes, and whether they failed to parse. */
export interface RawBody {
  text: string
  parseError: boolean
}

const NO_BODY: RawBody = { text: '', parseError: false }
// Keyed by request, so one map serves every scope and server that keeps raw bodies.
const bodies = new WeakMap<FastifyRequest, RawBody>()

/**
 * Replaces the scope's JSON parser with one that keeps the exact bytes: a
 * signature covers the body as sent, not as re-serialised. Malformed JSON is
 * not an error here (the body is then undefined), so the signature is checked
 * first and an unsigned caller learns nothing; the caller answers INVALID_JSON
 * after that; `rawJsonBody` reads them.
 */
export function keepRawJsonBodies(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (text === '') {
      bodies.set(req, NO_BODY)
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
}

/** The exact body bytes of a request in a scope that keeps them (empty when there was no body). */
export function rawJsonBody(req: FastifyRequest): RawBody {
  return bodies.get(req) ?? NO_BODY
}
