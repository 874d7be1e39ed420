import type { FastifyBaseLogger } from 'fastify'
import { chinaToday } from '../../../src/domain/china-time'
import { identityFormProblems, normalizeIdentityForm } from '../../../src/domain/citizen-forms'
import { maskIdNumber, maskName } from '../../../src/domain/mask'
import type { SecretBox } from '../../crypto/secret-box'
import { HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { formProblems } from '../citizens/form-problems'
import { requireIdentity } from '../citizens/identity-service'
import { verifyPerson } from '../citizens/verify-person'
import { type PatientRow, deletePatient, insertPatient, listPatients, openPatient } from './patients-repository'
import { MAX_PATIENTS, PATIENT_RELATIONS, type PatientListT, type PatientRelation, type PatientT } from '../../../src/api/hospital'

const FAMILY: readonly string[] = PATIENT_RELATIONS.filter((r) => r !== 'self')

const duplicate = () => new HttpError(409, 'PATIENT_EXISTS', 'This person is already a patient / 该就诊人已添加，无需重复添加')
const tooMany = () => new HttpError(409, 'TOO_MANY_PATIENTS', `At most ${MAX_PATIENTS} patients / 最多添加 ${MAX_PATIENTS} 位就诊人（含本人），请先删除不用的就诊人`)

function patientView(box: SecretBox, row: PatientRow): PatientT {
  const person = openPatient(box, row)
  return { id: row.id, name: maskName(person.name), idNumber: maskIdNumber(person.idNumber), relation: row.relation, createdAt: row.created_at.toISOString() }
}

/**
 * 就诊人: the verified citizen (always, as `self`) and family members, each
 * checked like 实名认证 (GB 11643 on the form, then the identity agency).
 * Sealed like every name and ID number; the ID number's keyed hash keeps one
 * entry per person.
 */
export function createPatients(deps: CitizenDeps) {
  const { db, box, lookup } = deps

  /** The verified citizen's own entry, added on first use (403 IDENTITY_REQUIRED before 实名认证). */
  async function ensureSelf(citizenId: string) {
    const identity = await requireIdentity(db, box, citizenId)
    const person = { name: identity.name, idNumber: identity.idNumber }
    await insertPatient(db, { citizenId, sealed: box.seal(JSON.stringify(person)), idKey: lookup('patient', person.idNumber), relation: 'self' }, Number.MAX_SAFE_INTEGER)
  }

  return {
    /** The citizen's patients, masked: themself first, then family. */
    async list(citizenId: string): Promise<PatientListT> {
      await ensureSelf(citizenId)
      return { patients: (await listPatients(db, citizenId)).map((row) => patientView(box, row)), max: MAX_PATIENTS }
    },

    /** Adds a family patient: the form, then duplicates and the limit, then the identity agency. */
    async add(citizenId: string, input: { name: string; idNumber: string; relation: string }, log: FastifyBaseLogger): Promise<PatientT> {
      const form = normalizeIdentityForm(input)
      const relation = input.relation as PatientRelation
      const problems = [
        ...identityFormProblems(form, chinaToday()),
        ...(FAMILY.includes(relation) ? [] : [{ field: 'relation', message: '请选择就诊人与你的关系' }]),
      ]
      if (problems.length > 0) throw formProblems(problems)
      await ensureSelf(citizenId)
      const idKey = lookup('patient', form.idNumber)
      const existing = await listPatients(db, citizenId)
      // Checked before the identity agency sees the ID number, and again by the guarded insert.
      if (existing.some((p) => openPatient(box, p).idNumber === form.idNumber)) throw duplicate()
      if (existing.length >= MAX_PATIENTS) throw tooMany()
      await verifyPerson(deps, citizenId, form, log)
      const result = await insertPatient(db, { citizenId, sealed: box.seal(JSON.stringify(form)), idKey, relation }, MAX_PATIENTS)
      if ('refused' in result) throw result.refused === 'duplicate' ? duplicate() : tooMany()
      return patientView(box, result.row)
    },

    /** Removes a family patient, not the citizen themself nor one with an upcoming appointment. */
    async remove(citizenId: string, patientId: string): Promise<void> {
      const outcome = await deletePatient(db, citizenId, patientId)
      if (outcome === 'missing') throw new HttpError(404, 'PATIENT_NOT_FOUND', 'No such patient / 未找到该就诊人')
      if (outcome === 'self') throw new HttpError(422, 'SELF_PATIENT', 'You cannot remove yourself / 本人不能删除')
      if (outcome === 'booked') throw new HttpError(409, 'PATIENT_HAS_APPOINTMENTS', 'This patient has an upcoming appointment / 该就诊人有待就诊的预约，请先取消预约再删除')
    },
  }
}
