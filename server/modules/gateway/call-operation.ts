import type { FastifyBaseLogger } from 'fastify'
import type { Static } from 'typebox'
import { Value } from 'typebox/value'
import { type Operation, fillPath } from '../../contracts/common'
import type { SigningKeys } from '../../contracts/signing'
import { ErrorBody, HttpError } from '../../errors'
import { type AgencyAnswer, callAgency } from './agency-client'
import type { GatewayErrorKind } from './gateway-error-kind'
import type { AgencyNetwork } from './agency-network'

/** An agency as the gateway calls it: where, and the secret(s) its requests are signed with (two during a rotation's overlap). */
export interface AgencyTarget {
  agencyId: string
  endpoint: string
  secret: SigningKeys
  /**
   * Counts a failed call under the service (gateway errors, shown beside the
   * failure rate). Not awaited: counting never delays or fails the citizen's call.
   */
  countFailure?: (kind: GatewayErrorKind) => Promise<void>
}

export interface OperationCall {
  params?: Record<string, string>
  /** The operation's query; absent values are left out. */
  query?: Record<string, string | undefined>
  body?: unknown
  timeoutMs: number
  log: FastifyBaseLogger
  network: AgencyNetwork
}

// Signature failures are the platform's problem, not the citizen's: they become AGENCY_UNAVAILABLE.
const PASSED_ON = (status: number) => status >= 400 && status < 500 && status !== 401

function failureKind(answer: AgencyAnswer): GatewayErrorKind {
  if (answer.failure === 'timeout') return 'timeout'
  if (answer.failure === 'network' || answer.failure === 'refused') return 'unreachable'
  if (answer.status !== undefined && answer.status >= 500) return 'server-error'
  return 'invalid'
}

/**
 * Calls one contract operation for a citizen and returns its validated answer.
 * A timeout is 504 AGENCY_TIMEOUT and anything the platform cannot use (no
 * answer, 5xx, an answer outside the contract) is 502 AGENCY_UNAVAILABLE; the
 * agency's own 4xx (VEHICLE_NOT_FOUND…) is passed on as it is. Logs say which
 * operation failed and how, never a body: bodies carry PII.
 */
export async function callOperation<Op extends Operation>(agency: AgencyTarget, op: Op, call: OperationCall): Promise<Static<Op['response']>> {
  const path = fillPath(op.path, call.params)
  const query = Object.fromEntries(Object.entries(call.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined))
  const request = { method: op.method, path, ...(call.query ? { query } : {}), ...(call.body === undefined ? {} : { body: call.body }) }
  const answer = await callAgency(agency.endpoint, agency.secret, request, { timeoutMs: call.timeoutMs, network: call.network })
  const fail = (status: number, code: string, message: string) => {
    call.log.warn({ agency: agency.agencyId, operation: op.name, status: answer.status, note: answer.note }, 'agency call failed')
    const kind = failureKind(answer)
    agency.countFailure?.(kind).catch((err) => call.log.error({ err, agency: agency.agencyId, kind }, 'gateway error not counted'))
    return new HttpError(status, code, message)
  }
  if (answer.failure === 'timeout') {
    throw fail(504, 'AGENCY_TIMEOUT', `The agency did not answer within ${call.timeoutMs / 1000} s / 办理机构暂时没有响应，请稍后重试，已填写的内容不会丢失`)
  }
  if (answer.status === 200 && Value.Check(op.response, answer.json)) return answer.json as Static<Op['response']>
  if (answer.status !== undefined && PASSED_ON(answer.status) && Value.Check(ErrorBody, answer.json)) {
    const { code, message, details } = (answer.json as Static<typeof ErrorBody>).error
    throw new HttpError(answer.status, code, message, details)
  }
  throw fail(502, 'AGENCY_UNAVAILABLE', 'The agency gave no usable answer / 办理机构暂时无法办理，请稍后重试')
}
