import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import { ContributionYear, ECardView, InsuredView, MedicalAccountView, ServiceParams, YearQuery } from '../../../src/api/social-security'
import { createSocialSecurity } from './service'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/** 社保 for the verified citizen (the rules: service.ts). */
export const socialSecurityRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, deps) => {
  const socialSecurity = createSocialSecurity(deps)
  app.addHook('onRequest', requireCitizen(deps.db))

  app.get(
    '/v1/services/:serviceId/social-security/insured',
    { schema: { tags: ['citizen'], summary: "The verified citizen's insured status per insurance type and contribution periods", security, params: ServiceParams, response: { 200: InsuredView, ...errors } } },
    async (req) => socialSecurity.insured(req.params.serviceId, citizenOf(req), req.log),
  )

  app.get(
    '/v1/services/:serviceId/social-security/contributions',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Contribution records of one calendar year (to this month for the current year)',
        security,
        params: ServiceParams,
        querystring: YearQuery,
        response: { 200: ContributionYear, ...errors },
      },
    },
    async (req) => socialSecurity.contributions(req.params.serviceId, citizenOf(req), req.query.year, req.log),
  )

  app.get(
    '/v1/services/:serviceId/social-security/medical-account',
    { schema: { tags: ['citizen'], summary: 'Medical insurance personal account: balance and recent transactions', security, params: ServiceParams, response: { 200: MedicalAccountView, ...errors } } },
    async (req) => socialSecurity.medicalAccount(req.params.serviceId, citizenOf(req), req.log),
  )

  app.get(
    '/v1/services/:serviceId/social-security/e-card',
    { schema: { tags: ['citizen'], summary: 'Electronic social security card with a short-lived QR payload (drawn on the device)', security, params: ServiceParams, response: { 200: ECardView, ...errors } } },
    async (req, reply) => {
      const card = await socialSecurity.eCard(req.params.serviceId, citizenOf(req), req.log)
      // The QR payload identifies the holder for a minute: never cached on the way.
      reply.header('cache-control', 'no-store')
      return card
    },
  )
}
