import type { TSchema } from 'typebox'
import type { TypedContract } from '../modules/onboarding/manifest-schema'
import type { Operation } from './common'
import * as hospital from './hospital'
import * as housingFund from './housing-fund'
import * as identity from './identity'
import * as payment from './payment'
import * as socialSecurity from './social-security'
import * as traffic from './traffic'

/** Every typed contract's operations, by contract id. */
export const CONTRACT_OPERATIONS: Record<TypedContract, readonly Operation[]> = {
  'traffic@1': traffic.operations,
  'hospital@1': hospital.operations,
  'identity@1': identity.operations,
  'payment@1': payment.operations,
  'social-security@1': socialSecurity.operations,
  'housing-fund@1': housingFund.operations,
}

/** Each request and response schema of every contract once, for the OpenAPI document. */
export function contractSchemas(): TSchema[] {
  const byId = new Map<string, TSchema>()
  for (const ops of Object.values(CONTRACT_OPERATIONS)) {
    for (const op of ops) {
      for (const schema of [op.params, op.query, op.body, op.response]) {
        const id = (schema as { $id?: string } | undefined)?.$id
        if (schema && id) byId.set(id, schema)
      }
    }
  }
  return [...byId.values()]
}
