import type { TSchema } from 'typebox'

/**
 * What every typed contract shares (02-services.md): the operation table type
 * and the errors every agency answers. The schema building blocks (formats,
 * masked personal data, money) are in src/api/common.ts, shared with the
 * platform API.
 */

/** Errors every agency answers, whatever its contract. */
export const COMMON_ERRORS = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  SIGNATURE_REQUIRED: 401,
  SIGNATURE_STALE: 401,
  SIGNATURE_INVALID: 401,
  SIGNATURE_REPLAYED: 401,
  NOT_FOUND: 404,
} as const

/** What a verify failure answers (server/contracts/signing.ts reasons → codes). */
export const SIGNATURE_ERROR_CODES = {
  unsigned: 'SIGNATURE_REQUIRED',
  stale: 'SIGNATURE_STALE',
  'bad-signature': 'SIGNATURE_INVALID',
  replayed: 'SIGNATURE_REPLAYED',
} as const satisfies Record<string, keyof typeof COMMON_ERRORS>

/**
 * One operation of a contract: the single description the platform client,
 * the mocks, the OpenAPI output and the conformance suite share.
 * `kind: 'callback'` marks a request the agency sends to the platform (payment notify).
 */
export interface Operation<Codes extends string = string> {
  name: string
  summary: string
  method: 'GET' | 'POST'
  /** Fastify-style path relative to the agency's endpoint, e.g. /v1/violations/:violationId */
  path: string
  kind: 'call' | 'callback'
  params?: TSchema
  query?: TSchema
  body?: TSchema
  /** The 200 answer. */
  response: TSchema
  /** Contract-specific error codes it may answer, besides COMMON_ERRORS. */
  errors: readonly Codes[]
}

/** Checks at compile time that every listed code exists in the contract's error table. */
export function defineOperations<Codes extends string, const Ops extends readonly Operation<Codes>[]>(
  _errors: Record<Codes, number>,
  ops: Ops,
): Ops {
  return ops
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

/** An operation's path with its :parameters filled in (encoded), e.g. /v1/violations/1234567890123456. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, key: string) => encodeURIComponent(params[key] ?? ''))
}
