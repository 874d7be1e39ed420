import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { chinaToday } from '../../../src/domain/china-time'
import { identityFormProblems, normalizeIdentityForm } from '../../../src/domain/citizen-forms'
import { maskIdNumber, maskName } from '../../../src/domain/mask'
import type { SecretBox } from '../../crypto/secret-box'
import { ErrorBody, HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen, requireIdentity } from '../citizens/citizen-session'
import { formProblems } from '../citizens/me-routes'
import { verifyPerson } from '../citizens/verify-person'
import { type PatientRow, deletePatient, insertPatient, listPatients, openPatient } from './patients-repository'
import { MAX_PATIENTS, PATIENT_RELATIONS, type PatientRelation, PatientAnswer, PatientList, PatientParams, PatientRequest, type PatientT } from './schemas'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }
const FAMILY: readonly string[] = PATIENT_RELATIONS.filter((r) => r !== 'self')

export function patientView(box: SecretBox, row: PatientRow): PatientT {
  const person = openPatient(box, row)
  return { id: row.id, name: maskName(person.name), idNumber: maskIdNumber(person.idNumber), relation: row.relation, createdAt: row.created_at.toISOString() }
}

/**
 * 就诊人: the verified citizen (always, as `self`) and family members, each
 * checked like 实名认证 (GB 11643 on the form, then the identity agency).
 * Sealed like every name and ID number; the ID number's keyed hash keeps one
 * entry per person.
 */
export const patientRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, deps) => {
  const { db, box, lookup } = deps
  app.addHook('onRequest', requireCitizen(db))

  /** The verified citizen's own entry, added on first use. */
  async function ensureSelf(citizenId: string) {
    const identity = await requireIdentity(db, box, citizenId)
    const person = { name: identity.name, idNumber: identity.idNumber }
    await insertPatient(db, { citizenId, sealed: box.seal(JSON.stringify(person)), idKey: lookup('patient', person.idNumber), relation: 'self' }, Number.MAX_SAFE_INTEGER)
  }

  app.get(
    '/v1/me/patients',
    { schema: { tags: ['citizen'], summary: '就诊人, masked: the verified citizen first, then family (needs 实名认证)', security, response: { 200: PatientList, ...errors } } },
    async (req) => {
      const citizenId = citizenOf(req)
      await ensureSelf(citizenId)
      return { patients: (await listPatients(db, citizenId)).map((row) => patientView(box, row)), max: MAX_PATIENTS }
    },
  )

  app.post(
    '/v1/me/patients',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Add a family 就诊人: name and ID number checked locally and by the identity agency; relation spouse, child, parent or other',
        security,
        body: PatientRequest,
        response: { 201: PatientAnswer, ...errors, 409: ErrorBody, 422: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody },
      },
    },
    async (req, reply) => {
      const citizenId = citizenOf(req)
      const form = normalizeIdentityForm(req.body)
      const relation = req.body.relation as PatientRelation
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
      await verifyPerson(deps, form, req.log)
      const result = await insertPatient(db, { citizenId, sealed: box.seal(JSON.stringify(form)), idKey, relation }, MAX_PATIENTS)
      if ('refused' in result) throw result.refused === 'duplicate' ? duplicate() : tooMany()
      return reply.code(201).send({ patient: patientView(box, result.row) })
    },
  )

  app.delete(
    '/v1/me/patients/:patientId',
    { schema: { tags: ['citizen'], summary: 'Remove a family 就诊人 (not while they have an upcoming appointment)', security, params: PatientParams, response: { 204: Type.Null(), ...errors, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } } },
    async (req, reply) => {
      const outcome = await deletePatient(db, citizenOf(req), req.params.patientId)
      if (outcome === 'missing') throw new HttpError(404, 'PATIENT_NOT_FOUND', 'No such patient / 未找到该就诊人')
      if (outcome === 'self') throw new HttpError(422, 'SELF_PATIENT', 'You cannot remove yourself / 本人不能删除')
      if (outcome === 'booked') throw new HttpError(409, 'PATIENT_HAS_APPOINTMENTS', 'This patient has an upcoming appointment / 该就诊人有待就诊的预约，请先取消预约再删除')
      return reply.code(204).send(null)
    },
  )
}

const duplicate = () => new HttpError(409, 'PATIENT_EXISTS', 'This person is already a patient / 该就诊人已添加，无需重复添加')
const tooMany = () => new HttpError(409, 'TOO_MANY_PATIENTS', `At most ${MAX_PATIENTS} patients / 最多添加 ${MAX_PATIENTS} 位就诊人（含本人），请先删除不用的就诊人`)
