import type { SecretBox } from '../../crypto/secret-box'
import type { Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import type { CityService } from '../cities/service'
import { type Agency, findAgency, insertAgency, listAgencies, replaceSigningSecret } from './repository'
import { newSigningSecret } from './signing-secret'

export type { Agency } from './repository'

/**
 * Creates an agency after checking its region names a real city or province
 * (duplicate id → 409). Its request-signing secret is returned this once, for
 * the operator to hand to the agency; only a sealed copy is stored.
 */
export async function createAgency(db: Queryable, cities: CityService, box: SecretBox, agency: Agency): Promise<Agency & { signingSecret: string }> {
  if (!cities.isRegion(agency.region)) {
    throw new HttpError(422, 'UNKNOWN_REGION', `No city or province has code ${agency.region} / 找不到地区代码 ${agency.region}`, [
      { path: 'region', message: 'must be an existing city code, province code or national' },
    ])
  }
  if (await findAgency(db, agency.id)) {
    throw new HttpError(409, 'AGENCY_EXISTS', `Agency ${agency.id} already exists / 机构 ${agency.id} 已存在`, [
      { path: 'id', message: 'already taken' },
    ])
  }
  const { secret, sealed } = newSigningSecret(box)
  await insertAgency(db, { ...agency, signingSecret: sealed })
  return { ...agency, signingSecret: secret }
}

/** One agency by id; undefined when there is none. */
export function getAgency(db: Queryable, id: string): Promise<Agency | undefined> {
  return findAgency(db, id)
}

/** Every agency, for operators. */
export function getAgencies(db: Queryable): Promise<Agency[]> {
  return listAgencies(db)
}

/** What a rotation answers: the new secret (shown this once) and until when the previous one still verifies. */
export interface RotatedSecret {
  agencyId: string
  signingSecret: string
  /** ISO time; null when there was no previous secret or no overlap was asked for. */
  previousValidUntil: string | null
}

/**
 * Gives the agency a new signing secret (issue 16: secrets can be rotated).
 * For `overlapHours` the previous one still verifies and the platform signs
 * its requests with both, so the agency can deploy the new secret without a
 * moment where calls fail; a leaked secret is rotated with no overlap. 404 for an unknown agency.
 */
export async function rotateSigningSecret(db: Queryable, box: SecretBox, agencyId: string, overlapHours: number): Promise<RotatedSecret> {
  const { secret, sealed } = newSigningSecret(box)
  const rotated = await replaceSigningSecret(db, agencyId, sealed, overlapHours)
  if (!rotated) throw new HttpError(404, 'AGENCY_NOT_FOUND', `No agency ${agencyId} / 找不到机构 ${agencyId}`)
  return { agencyId, signingSecret: secret, previousValidUntil: rotated.previousValidUntil }
}
