import type { FastifyBaseLogger } from 'fastify'
import type { Static, TSchema } from 'typebox'
import type { Config } from '../../config'
import type { Operation } from '../../contracts/common'
import { operation } from '../../contracts/common'
import { operations as identityOperations } from '../../contracts/identity'
import { operations as paymentOperations } from '../../contracts/payment'
import type { SecretBox } from '../../crypto/secret-box'
import type { Queryable } from '../../db/db'
import { type ServiceTarget, listedService, platformAgency } from './agency-targets'
import { callOperation } from './call-operation'
import type { AgencyNetwork } from './agency-network'

/** What binding an agency needs: where its row and secret are, and the configured agency timeout. */
export interface AgencyDeps {
  db: Queryable
  box: SecretBox
  config: Pick<Config, 'citizen'>
  /** Where agency calls may connect (the configured address policy). */
  network: AgencyNetwork
}

type Named<Ops extends readonly Operation[], N> = Extract<Ops[number], { name: N }>
type BodyOf<Op> = Op extends { body: infer B extends TSchema } ? Static<B> : undefined

/** One call's inputs; the body's type comes from the operation's request schema. */
export interface AgencyCallInput<Op> {
  params?: Record<string, string>
  /** The operation's query; absent values are left out. */
  query?: Record<string, string | undefined>
  body?: BodyOf<Op>
}

/**
 * An agency bound to its contract and to the request it serves: `call` names
 * an operation of the contract's table and answers that operation's response
 * type. The timeout, the request's logger, failure counting and the error
 * mapping of callOperation come with it.
 */
export interface BoundAgency<Ops extends readonly Operation[]> {
  readonly target: ServiceTarget
  call<N extends Ops[number]['name']>(name: N, input: AgencyCallInput<Named<Ops, N>>): Promise<Static<Named<Ops, N>['response']>>
}

function bind<const Ops extends readonly Operation[]>(deps: AgencyDeps, target: ServiceTarget, ops: Ops, log: FastifyBaseLogger): BoundAgency<Ops> {
  const timeoutMs = deps.config.citizen.agencyTimeoutMs
  return {
    target,
    call: (name, input) => callOperation(target, operation(ops, name), { ...input, timeoutMs, log, network: deps.network }),
  }
}

/**
 * The listed service `serviceId` of a typed contract (its descriptor from
 * server/contracts), bound to the contract's operations; 404
 * SERVICE_NOT_FOUND when no such service is listed.
 */
export async function agencyFor<const Ops extends readonly Operation[]>(
  deps: AgencyDeps,
  serviceId: string,
  contract: { id: string; operations: Ops },
  log: FastifyBaseLogger,
): Promise<BoundAgency<Ops>> {
  return bind(deps, await listedService(deps.db, deps.box, serviceId, contract.id), contract.operations, log)
}

const PLATFORM_OPERATIONS = { 'identity@1': identityOperations, 'payment@1': paymentOperations } as const
type PlatformContract = keyof typeof PLATFORM_OPERATIONS

/**
 * The platform's own agency for a contract (identity@1 实名核验, payment@1
 * 支付), bound to its operations; 503 AGENCY_NOT_LISTED when none is listed.
 */
export async function platformAgencyFor<C extends PlatformContract>(deps: AgencyDeps, contract: C, log: FastifyBaseLogger): Promise<BoundAgency<(typeof PLATFORM_OPERATIONS)[C]>> {
  return bind(deps, await platformAgency(deps.db, deps.box, contract), PLATFORM_OPERATIONS[contract], log)
}
