import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ErrorBody } from '../../errors'
import type { CitizenDeps, IdentityReleased } from './citizen-deps'
import { citizenOf, requireCitizen } from './citizen-session'
import { createFaceChecks } from './face-check-service'
import { FaceCheckOutcome, FaceCheckPage, FaceCheckParams, FaceCheckStart, FaceCheckStartRequest, NoticeList, SimulatedFaceRequest } from '../../../src/api/face-checks'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/** 人脸核身: moving an identity to this account, the step-up before sensitive actions, and the notices a move leaves. */
export const faceCheckRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { identityReleased?: IdentityReleased }> = async (app, deps) => {
  const faceChecks = createFaceChecks(deps, deps.identityReleased)
  app.addHook('onRequest', requireCitizen(deps.db))

  app.post(
    '/v1/me/face-checks',
    {
      schema: {
        tags: ['citizen'],
        summary: '人脸核身: start a one-time check at the identity agency (move: an identity bound to another WeChat account; step-up: before a withdrawal or a full account number)',
        security,
        body: FaceCheckStartRequest,
        response: { 201: FaceCheckStart, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await faceChecks.start(citizenOf(req), req.body, req.log)),
  )

  app.get(
    '/v1/me/face-checks/:checkId',
    {
      schema: {
        tags: ['citizen'],
        summary: "The identity agency's page of the citizen's own check (checked when it started: the agency's origin): what the app's web-view opens",
        security,
        params: FaceCheckParams,
        response: { 200: FaceCheckPage, ...errors },
      },
    },
    async (req) => faceChecks.page(citizenOf(req), req.params.checkId),
  )

  app.post(
    '/v1/me/face-checks/:checkId/result',
    {
      schema: {
        tags: ['citizen'],
        summary: "The check's result as the identity agency answers it (the client's word never counts); a passed check is applied once",
        security,
        params: FaceCheckParams,
        response: { 200: FaceCheckOutcome, ...errors },
      },
    },
    async (req) => faceChecks.result(citizenOf(req), req.params.checkId, req.log),
  )

  app.get(
    '/v1/me/notices',
    { schema: { tags: ['citizen'], summary: 'Notices to the citizen (e.g. their identity moved to another WeChat account), newest first', security, response: { 200: NoticeList, ...errors } } },
    async (req) => faceChecks.notices(citizenOf(req)),
  )

  if (deps.config.citizen.faceCheckSimulator) {
    app.post(
      '/v1/me/face-checks/:checkId/simulated',
      {
        schema: {
          tags: ['citizen'],
          summary: "Development only: the simulated identity agency's page (the H5 face-check page); the platform still asks the agency for the result",
          security,
          params: FaceCheckParams,
          body: SimulatedFaceRequest,
          response: { 204: Type.Null(), ...errors },
        },
      },
      async (req, reply) => {
        await faceChecks.simulate(citizenOf(req), req.params.checkId, req.body.passed, req.log)
        return reply.code(204).send(null)
      },
    )
  }
}
