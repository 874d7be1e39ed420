import type { FastifyBaseLogger } from 'fastify'
import type { LookupKey } from '../../crypto/lookup-key'
import { HttpError } from '../../errors'
import { type AgencyDeps, platformAgencyFor } from '../gateway/bound-agency'
import { type IdentityLimitDeps, assertIdentityChecksAllowed, recordIdentityFailure } from './identity-limits'

export type VerifyPersonDeps = AgencyDeps & IdentityLimitDeps & { lookup: LookupKey }

/** The lookup key of an identity (a keyed HMAC of the ID number): finds its holder without storing the number. */
export function identityKeyOf(lookup: LookupKey, idNumber: string): string {
  return lookup('identity', idNumber)
}

/**
 * Asks the identity agency whether name and ID number belong together (实名核验),
 * for the citizen themself or a family member they add as a patient. Throws
 * 422 IDENTITY_MISMATCH when they do not, the same answer whatever the
 * reason, and counts the failure: after too many (per account, per ID
 * number) 429 before the agency is even asked, so a name cannot be guessed.
 */
export async function verifyPerson(deps: VerifyPersonDeps, citizenId: string, person: { name: string; idNumber: string }, log: FastifyBaseLogger): Promise<void> {
  const identityKey = identityKeyOf(deps.lookup, person.idNumber)
  await assertIdentityChecksAllowed(deps, citizenId, identityKey)
  const identity = await platformAgencyFor(deps, 'identity@1', log)
  const result = await identity.call('verify', { body: person })
  if (!result.match) {
    await recordIdentityFailure(deps, citizenId, identityKey)
    throw new HttpError(422, 'IDENTITY_MISMATCH', 'The name and ID number do not match the registry / 姓名与身份证号码不一致，请核对后重试', [
      { path: 'body.name', message: '请核对姓名是否与身份证上的一致' },
    ])
  }
}
