import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import { createPatients } from './patient-service'
import { PatientAnswer, PatientList, PatientParams, PatientRequest } from '../../../src/api/hospital'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }

/** 就诊人: list, add a family member, remove (the rules: patient-service.ts). */
export const patientRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, deps) => {
  const patients = createPatients(deps)
  app.addHook('onRequest', requireCitizen(deps.db))

  app.get(
    '/v1/me/patients',
    { schema: { tags: ['citizen'], summary: '就诊人, masked: the verified citizen first, then family (needs 实名认证)', security, response: { 200: PatientList, ...errors } } },
    async (req) => patients.list(citizenOf(req)),
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
    async (req, reply) => reply.code(201).send({ patient: await patients.add(citizenOf(req), req.body, req.log) }),
  )

  app.delete(
    '/v1/me/patients/:patientId',
    { schema: { tags: ['citizen'], summary: 'Remove a family 就诊人 (not while they have an upcoming appointment)', security, params: PatientParams, response: { 204: Type.Null(), ...errors, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } } },
    async (req, reply) => {
      await patients.remove(citizenOf(req), req.params.patientId)
      return reply.code(204).send(null)
    },
  )
}
