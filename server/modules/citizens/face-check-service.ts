import type { FastifyBaseLogger } from 'fastify'
import { chinaToday } from '../../../src/domain/china-time'
import { identityFormProblems, normalizeIdentityForm } from '../../../src/domain/citizen-forms'
import { maskName } from '../../../src/domain/mask'
import { HttpError } from '../../errors'
import { callAgency } from '../gateway/agency-client'
import { platformAgencyFor } from '../gateway/bound-agency'
import type { CitizenDeps, IdentityReleased } from './citizen-deps'
import {
  type FaceCheckRow,
  findFaceCheck,
  insertFaceCheck,
  insertNotice,
  listNotices,
  settleFaceCheck,
} from './face-checks-repository'
import { faceCheckPageProblem } from './face-check-page'
import { formProblems } from './form-problems'
import { assertIdentityChecksAllowed, recordIdentityFailure } from './identity-limits'
import { boundElsewhere, maskedIdentity, readIdentity, requireIdentity } from './identity-service'
import { clearIdentity, findIdentityHolder, markFaceChecked, takeIdentity } from './repository'
import { identityKeyOf } from './verify-person'
import type { FaceCheckOutcomeT, FaceCheckPageT, FaceCheckPurposeT, FaceCheckStartT, NoticeListT } from '../../../src/api/face-checks'

/** However long the agency allows, a check the platform started is good for at most this long. */
const MAX_CHECK_MINUTES = 10

const notFound = () => new HttpError(404, 'FACE_CHECK_NOT_FOUND', 'No such face check; start a new one / 未找到该人脸核身，请重新发起')

const MOVED_NOTICE = (name: string) =>
  `您的实名身份（${name}）已通过人脸核身转到另一个微信账号，本账号已解除实名认证，无法再查询公积金、社保、驾驶证等信息。如非本人操作，请用本账号重新实名认证并完成人脸核身。`

/**
 * 人脸核身 at the platform's identity agency (identity@1 startFaceCheck /
 * getFaceCheck). The platform starts a one-time check for an identity and
 * later asks the agency for its result by check id: what the client says
 * never counts. A passed check either moves an identity another account
 * holds to this one (that account is told and loses it) or steps up the
 * citizen's own identity for STEP_UP_MINUTES.
 */
export function createFaceChecks(deps: CitizenDeps, identityReleased?: IdentityReleased) {
  const { db, box, lookup, config } = deps

  /** Who the check is for: the form (move) or the citizen's own verified identity (step-up). */
  async function personFor(citizenId: string, purpose: FaceCheckPurposeT, input: { name?: string; idNumber?: string }) {
    if (purpose === 'step-up') {
      const { name, idNumber } = await requireIdentity(db, box, citizenId)
      return { name, idNumber }
    }
    const form = normalizeIdentityForm({ name: input.name ?? '', idNumber: input.idNumber ?? '' })
    const problems = identityFormProblems(form, chinaToday())
    if (problems.length > 0) throw formProblems(problems)
    if (await readIdentity(db, box, citizenId)) {
      throw new HttpError(409, 'IDENTITY_ALREADY_VERIFIED', 'This account already has a verified real name / 该账号已完成实名认证')
    }
    return form
  }

  /** Applies a passed check: the step-up mark, or the identity moved here (the old holder told). */
  async function applyPassed(row: FaceCheckRow): Promise<void> {
    await db.transaction(async (tx) => {
      if (!(await settleFaceCheck(tx, row.check_id, 'passed'))) return
      if (row.purpose === 'step-up') {
        await markFaceChecked(tx, row.citizen_id, row.identity_key)
        return
      }
      const holder = await findIdentityHolder(tx, row.identity_key)
      if (holder !== undefined && holder !== row.citizen_id) {
        await clearIdentity(tx, holder)
        const person = JSON.parse(box.open(row.sealed)) as { name: string; idNumber: string }
        // What the old account kept of that person (its 本人 patient…) goes too.
        await identityReleased?.(tx, holder, person)
        await insertNotice(tx, holder, 'identity-moved', MOVED_NOTICE(maskName(person.name)))
      }
      if (holder !== row.citizen_id && !(await takeIdentity(tx, row.citizen_id, row.sealed, row.identity_key))) {
        throw new HttpError(409, 'IDENTITY_ALREADY_VERIFIED', 'This account already has a verified real name / 该账号已完成实名认证')
      }
    })
  }

  async function outcome(citizenId: string, row: FaceCheckRow, status: FaceCheckRow['status']): Promise<FaceCheckOutcomeT> {
    const identity = await readIdentity(db, box, citizenId)
    return { faceCheck: { checkId: row.check_id, purpose: row.purpose, status }, identity: identity ? maskedIdentity(identity) : null }
  }

  return {
    /** Starts a check at the identity agency (429 after too many failures for this account or ID number). */
    async start(citizenId: string, input: { purpose: FaceCheckPurposeT; name?: string; idNumber?: string }, log: FastifyBaseLogger): Promise<FaceCheckStartT> {
      const person = await personFor(citizenId, input.purpose, input)
      const identityKey = identityKeyOf(lookup, person.idNumber)
      await assertIdentityChecksAllowed(deps, citizenId, identityKey)
      const agency = await platformAgencyFor(deps, 'identity@1', log)
      const started = await agency.call('startFaceCheck', { body: person })
      const refused = faceCheckPageProblem(started.url, agency.target.endpoint, config.production)
      if (refused) {
        // The agency's answer, not the citizen's input: nothing of the person in the log.
        log.warn({ agencyId: agency.target.agencyId, problem: refused }, 'face check page refused')
        throw new HttpError(502, 'AGENCY_UNAVAILABLE', 'The identity service answered an unusable face-check page / 人脸核身服务暂时不可用，请稍后重试')
      }
      const expiresAt = new Date(Math.min(Date.parse(started.expiresAt), Date.now() + MAX_CHECK_MINUTES * 60_000))
      await insertFaceCheck(db, {
        checkId: started.checkId,
        citizenId,
        agencyId: agency.target.agencyId,
        purpose: input.purpose,
        identityKey,
        sealed: box.seal(JSON.stringify(person)),
        expiresAt,
        pageUrl: started.url,
      })
      return { faceCheck: { checkId: started.checkId, url: started.url, expiresAt: started.expiresAt, simulated: config.citizen.faceCheckSimulator } }
    },

    /**
     * The check's result, asked of the identity agency (never taken from the
     * client); a passed check is applied once. A failed one counts toward the
     * identity-check limit.
     */
    async result(citizenId: string, checkId: string, log: FastifyBaseLogger): Promise<FaceCheckOutcomeT> {
      const row = await findFaceCheck(db, citizenId, checkId)
      if (!row) throw notFound()
      if (row.status !== 'pending') return outcome(citizenId, row, row.status)
      const agency = await platformAgencyFor(deps, 'identity@1', log)
      // The agency that started it is the only one that knows it.
      if (agency.target.agencyId !== row.agency_id) throw notFound()
      const answer = await agency.call('getFaceCheck', { params: { checkId } })
      if (answer.status === 'passed' && !row.expired) {
        await applyPassed(row)
      } else if (answer.status === 'failed') {
        if (await settleFaceCheck(db, checkId, 'failed')) await recordIdentityFailure(deps, citizenId, row.identity_key)
      } else if (answer.status === 'expired' || row.expired) {
        await settleFaceCheck(db, checkId, 'expired')
      }
      const settled = (await findFaceCheck(db, citizenId, checkId))!
      return outcome(citizenId, settled, settled.status)
    },

    /**
     * The agency's page for the citizen's own check, as the platform stored
     * it when the check started: the app opens this, never a link it was given.
     */
    async page(citizenId: string, checkId: string): Promise<FaceCheckPageT> {
      const row = await findFaceCheck(db, citizenId, checkId)
      if (!row?.page_url) throw notFound()
      const status = row.status === 'pending' && row.expired ? 'expired' : row.status
      return { faceCheck: { checkId: row.check_id, url: row.page_url, expiresAt: row.expires_at.toISOString(), status } }
    },

    /** Development only: the simulated agency's page, where the citizen's face passes or not. */
    async simulate(citizenId: string, checkId: string, passed: boolean, log: FastifyBaseLogger): Promise<void> {
      const row = await findFaceCheck(db, citizenId, checkId)
      if (!row) throw notFound()
      const { target } = await platformAgencyFor(deps, 'identity@1', log)
      // Outside the contract: the face in front of the simulated agency's page.
      const answer = await callAgency(target.endpoint, target.secret, { method: 'POST', path: `/v1/identity/face-checks/${checkId}/simulate`, body: { passed } }, {
        timeoutMs: config.citizen.agencyTimeoutMs,
      })
      if (answer.status === 404) throw notFound()
      if (answer.status !== 200) throw new HttpError(502, 'AGENCY_UNAVAILABLE', 'The identity service did not answer / 人脸核身服务暂时不可用，请稍后重试')
    },

    /** Notices to the citizen, newest first. */
    async notices(citizenId: string): Promise<NoticeListT> {
      const rows = await listNotices(db, citizenId)
      return { notices: rows.map((n) => ({ id: n.id, kind: n.kind, text: n.text, createdAt: n.created_at.toISOString() })) }
    },
  }
}

export type FaceChecks = ReturnType<typeof createFaceChecks>
