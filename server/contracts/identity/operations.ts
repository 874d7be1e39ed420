import { type Static, Type } from 'typebox'
import { defineOperations } from '../common'
import { DateTime, PersonSchema, literals, strict } from '../../../src/api/common'
import { IDENTITY_ERRORS } from './errors'

/** identity@1: real-name verification (公安实名): does this name belong to this ID number? */
export const CONTRACT = 'identity@1'

export const MISMATCH_REASONS = ['NAME_MISMATCH', 'ID_NOT_FOUND'] as const

export const VerifyRequest = Type.Object(PersonSchema().properties, { ...strict, $id: 'identity.VerifyRequest' })

/** Never echoes the ID number or the name: the caller knows what it sent. */
export const VerifyResult = Type.Object(
  {
    match: Type.Boolean({ description: 'true when the registry holds this ID number under this name' }),
    reason: Type.Optional(literals(MISMATCH_REASONS, { description: 'why not (only when match is false)' })),
    checkedAt: DateTime(),
  },
  { ...strict, $id: 'identity.VerifyResult' },
)

export const operations = defineOperations(IDENTITY_ERRORS, [
  {
    name: 'verify',
    summary: 'Verify a name and an ID number against the population registry',
    method: 'POST',
    path: '/v1/identity/verify',
    kind: 'call',
    body: VerifyRequest,
    response: VerifyResult,
    errors: [],
  },
] as const)

export type VerifyResultT = Static<typeof VerifyResult>
