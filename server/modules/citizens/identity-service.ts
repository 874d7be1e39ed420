import type { FastifyBaseLogger } from 'fastify'
import { chinaToday } from '../../../src/domain/china-time'
import { identityFormProblems, normalizeIdentityForm } from '../../../src/domain/citizen-forms'
import { maskIdNumber, maskName } from '../../../src/domain/mask'
import type { SecretBox } from '../../crypto/secret-box'
import type { Db } from '../../db/db'
import { HttpError } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { formProblems } from './form-problems'
import { findSealedIdentity, setIdentity } from './repository'
import type { IdentityT, MeT } from '../../../src/api/citizens'
import { countVehicles } from './vehicles-repository'
import { verifyPerson } from './verify-person'

export interface VerifiedIdentity {
  name: string
  idNumber: string
  verifiedAt: Date
}

/** The citizen's verified identity, opened; undefined before 实名认证. */
export async function readIdentity(db: Db, box: SecretBox, citizenId: string): Promise<VerifiedIdentity | undefined> {
  const found = await findSealedIdentity(db, citizenId)
  if (!found) return undefined
  const { name, idNumber } = JSON.parse(box.open(found.sealed)) as { name: string; idNumber: string }
  return { name, idNumber, verifiedAt: found.verifiedAt }
}

/** The verified identity, or 403 IDENTITY_REQUIRED: the app sends the citizen to 实名认证 and back. */
export async function requireIdentity(db: Db, box: SecretBox, citizenId: string): Promise<VerifiedIdentity> {
  const identity = await readIdentity(db, box, citizenId)
  if (!identity) throw new HttpError(403, 'IDENTITY_REQUIRED', 'Verify your real name first / 请先完成实名认证')
  return identity
}

/** The identity as the app shows it: name and ID number masked. */
export function maskedIdentity(identity: VerifiedIdentity): IdentityT {
  return { name: maskName(identity.name), idNumber: maskIdNumber(identity.idNumber), verifiedAt: identity.verifiedAt.toISOString() }
}

/** 我的: real-name status (masked) and how many vehicles are bound. */
export async function describeCitizen(deps: Pick<CitizenDeps, 'db' | 'box'>, citizenId: string): Promise<MeT> {
  const [identity, vehicles] = await Promise.all([readIdentity(deps.db, deps.box, citizenId), countVehicles(deps.db, citizenId)])
  return { identity: identity ? maskedIdentity(identity) : null, vehicles }
}

/**
 * 实名认证: the form checked locally (GB 11643, every problem at once), then
 * by the identity agency; stored sealed, answered masked. 409 when the
 * citizen is verified already.
 */
export async function verifyIdentity(
  deps: Pick<CitizenDeps, 'db' | 'box' | 'config' | 'network'>,
  citizenId: string,
  input: { name: string; idNumber: string },
  log: FastifyBaseLogger,
): Promise<IdentityT> {
  const { db, box } = deps
  const form = normalizeIdentityForm(input)
  const problems = identityFormProblems(form, chinaToday())
  if (problems.length > 0) throw formProblems(problems)
  if (await readIdentity(db, box, citizenId)) {
    throw new HttpError(409, 'IDENTITY_ALREADY_VERIFIED', 'This account already has a verified real name / 该账号已完成实名认证')
  }
  await verifyPerson(deps, form, log)
  await setIdentity(db, citizenId, box.seal(JSON.stringify(form)))
  return maskedIdentity((await readIdentity(db, box, citizenId))!)
}
