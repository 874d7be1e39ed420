import type { FastifyBaseLogger } from 'fastify'
import { chinaToday } from '../../../src/domain/china-time'
import { identityFormProblems, normalizeIdentityForm } from '../../../src/domain/citizen-forms'
import { maskIdNumber, maskName } from '../../../src/domain/mask'
import type { SecretBox } from '../../crypto/secret-box'
import type { Db } from '../../db/db'
import { HttpError } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { formProblems } from './form-problems'
import { faceCheckedWithin, findIdentityHolder, findSealedIdentity, setIdentity } from './repository'
import type { IdentityT, MeT } from '../../../src/api/citizens'
import { countVehicles } from './vehicles-repository'
import { identityKeyOf, verifyPerson } from './verify-person'

/** Sensitive actions (a fund withdrawal, a full account number) need a face check this recent (04-platform.md). */
export const STEP_UP_MINUTES = 5

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
 * 403 FACE_CHECK_REQUIRED unless the verified citizen passed a face check
 * (人脸核身) within the last STEP_UP_MINUTES: the app leads them through one and back.
 */
export async function requireRecentFaceCheck(db: Db, citizenId: string): Promise<void> {
  if (await faceCheckedWithin(db, citizenId, STEP_UP_MINUTES)) return
  throw new HttpError(
    403,
    'FACE_CHECK_REQUIRED',
    `Pass a face check first (valid ${STEP_UP_MINUTES} min) / 为保护您的账户安全，请先完成人脸核身（${STEP_UP_MINUTES} 分钟内有效）`,
  )
}

/** 409 IDENTITY_BOUND_ELSEWHERE: what the citizen can do about an identity another WeChat account holds. */
export function boundElsewhere(): HttpError {
  return new HttpError(
    409,
    'IDENTITY_BOUND_ELSEWHERE',
    'This identity is bound to another WeChat account; pass a face check to move it here / 该身份已绑定另一个微信账号。如需改用本账号，请完成人脸核身，通过后身份将转到本账号，原账号将收到通知并解除绑定',
  )
}

/**
 * 实名认证: the form checked locally (GB 11643, every problem at once), then
 * by the identity agency; stored sealed, answered masked. 409 when the
 * citizen is verified already, or when another account holds the identity
 * (IDENTITY_BOUND_ELSEWHERE: only a face check moves it). The agency is
 * asked first, so the 409 tells nothing to someone without the right name.
 */
export async function verifyIdentity(
  deps: Pick<CitizenDeps, 'db' | 'box' | 'config' | 'lookup' | 'network'>,
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
  await verifyPerson(deps, citizenId, form, log)
  const identityKey = identityKeyOf(deps.lookup, form.idNumber)
  const holder = await findIdentityHolder(db, identityKey)
  if (holder !== undefined && holder !== citizenId) throw boundElsewhere()
  try {
    await setIdentity(db, citizenId, box.seal(JSON.stringify(form)), identityKey)
  } catch (err) {
    // Another account verified the same identity meanwhile: the unique index kept it to one.
    if ((err as { code?: string }).code === '23505') throw boundElsewhere()
    throw err
  }
  return maskedIdentity((await readIdentity(db, box, citizenId))!)
}
