import type { TSchema } from 'typebox'
import type { Operation } from './common'
import type { AnyContract } from './contract-descriptor'
import { hospitalContract } from './hospital'
import { housingFundContract } from './housing-fund'
import { identityContract } from './identity'
import { paymentContract } from './payment'
import { socialSecurityContract } from './social-security'
import { trafficContract } from './traffic'
import { utilitiesContract } from './utilities'

/**
 * Every typed agency contract, one line each: onboarding, the review,
 * OpenAPI, the demo catalog and the console derive from this list. The order
 * is the order manifests and the console list them in.
 */
export const CONTRACTS = [
  trafficContract,
  socialSecurityContract,
  housingFundContract,
  hospitalContract,
  identityContract,
  paymentContract,
  utilitiesContract,
] as const

// Every descriptor must also fit the shape the derived lists read.
const ALL: readonly AnyContract[] = CONTRACTS

/** The id of a typed contract, e.g. 'traffic@1'. */
export type TypedContract = (typeof CONTRACTS)[number]['id']

type Ids<T extends readonly { id: string }[]> = { readonly [K in keyof T]: T[K]['id'] }

/** The typed contracts' ids, in list order. */
export const TYPED_CONTRACTS = CONTRACTS.map((c) => c.id) as unknown as Ids<typeof CONTRACTS>

/** Whether a manifest's contract is one of the typed contracts. */
export function isTypedContract(id: string): id is TypedContract {
  return (TYPED_CONTRACTS as readonly string[]).includes(id)
}

/** The descriptor of a typed contract. */
export function contractById(id: TypedContract): AnyContract {
  return ALL.find((c) => c.id === id)!
}

/** One value per typed contract, by id, e.g. each contract's fixture schema. */
export function byContract<V>(value: (contract: AnyContract) => V): Record<TypedContract, V> {
  return Object.fromEntries(ALL.map((c) => [c.id, value(c)])) as Record<TypedContract, V>
}

/** Each request and response schema of every contract once, for the OpenAPI document. */
export function contractSchemas(): TSchema[] {
  const byId = new Map<string, TSchema>()
  for (const { operations } of ALL) {
    for (const op of operations as readonly Operation[]) {
      for (const schema of [op.params, op.query, op.body, op.response]) {
        const id = (schema as { $id?: string } | undefined)?.$id
        if (schema && id) byId.set(id, schema)
      }
    }
  }
  return [...byId.values()]
}

export type { AnyContract, ContractDemo, ContractDescriptor, DemoTemplate } from './contract-descriptor'
