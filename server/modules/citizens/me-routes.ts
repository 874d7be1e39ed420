import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { chinaToday } from '../../../src/domain/china-time'
import { type FieldProblem, identityFormProblems, normalizeIdentityForm } from '../../../src/domain/citizen-forms'
import { maskIdNumber, maskName } from '../../../src/domain/mask'
import { ErrorBody, HttpError } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { type VerifiedIdentity, citizenOf, readIdentity, requireCitizen } from './citizen-session'
import { listRecords } from './records-repository'
import { setIdentity } from './repository'
import { IdentityRequest, Me, RecordList } from './schemas'
import { countVehicles } from './vehicles-repository'
import { verifyPerson } from './verify-person'
const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody }

export function maskedIdentity(identity: VerifiedIdentity) {
  return { name: maskName(identity.name), idNumber: maskIdNumber(identity.idNumber), verifiedAt: identity.verifiedAt.toISOString() }
}

/** The citizen's form problems as the uniform error: every field at once, each message saying what to fix. */
export function formProblems(problems: FieldProblem<string>[]): HttpError {
  return new HttpError(
    422,
    'VALIDATION_FAILED',
    `Check the marked fields / ${problems.map((p) => p.message).join('；')}`,
    problems.map((p) => ({ path: `body.${p.field}`, message: p.message })),
  )
}

/** 我的: real-name status, 实名认证 against the identity agency, 办事记录. */
export const meRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, { db, box, config }) => {
  app.addHook('onRequest', requireCitizen(db))

  app.get(
    '/v1/me',
    { schema: { tags: ['citizen'], summary: 'The citizen: real-name status (masked) and how many vehicles are bound', security, response: { 200: Me, ...errors } } },
    async (req) => {
      const citizenId = citizenOf(req)
      const [identity, vehicles] = await Promise.all([readIdentity(db, box, citizenId), countVehicles(db, citizenId)])
      return { identity: identity ? maskedIdentity(identity) : null, vehicles }
    },
  )

  app.post(
    '/v1/me/identity',
    {
      schema: {
        tags: ['citizen'],
        summary: '实名认证: name and ID number, checked locally (GB 11643) and then by the identity agency; stored encrypted, answered masked',
        security,
        body: IdentityRequest,
        response: { 200: Type.Object({ identity: Type.Ref('Identity') }), ...errors, 409: ErrorBody, 422: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody },
      },
    },
    async (req) => {
      const citizenId = citizenOf(req)
      const form = normalizeIdentityForm(req.body)
      const problems = identityFormProblems(form, chinaToday())
      if (problems.length > 0) throw formProblems(problems)
      if (await readIdentity(db, box, citizenId)) {
        throw new HttpError(409, 'IDENTITY_ALREADY_VERIFIED', 'This account already has a verified real name / 该账号已完成实名认证')
      }
      await verifyPerson({ db, box, config }, form, req.log)
      await setIdentity(db, citizenId, box.seal(JSON.stringify(form)))
      return { identity: maskedIdentity((await readIdentity(db, box, citizenId))!) }
    },
  )

  app.get(
    '/v1/me/records',
    { schema: { tags: ['citizen'], summary: '办事记录: what the citizen did through any service, newest first', security, response: { 200: RecordList, ...errors } } },
    async (req) => ({ records: await listRecords(db, citizenOf(req)) }),
  )
}
