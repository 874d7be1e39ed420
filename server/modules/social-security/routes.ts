import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { operation } from '../../contracts/common'
import { CONTRACT, operations } from '../../contracts/social-security'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen, requireIdentity } from '../citizens/citizen-session'
import { yearMonths } from '../citizens/year-months'
import { listedService } from '../gateway/agency-targets'
import { callOperation } from '../gateway/call-operation'
import { ContributionYear, ECardView, InsuredView, MedicalAccountView, ServiceParams, YearQuery } from './schemas'

const op = <N extends (typeof operations)[number]['name']>(name: N) => operation(operations, name)
const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/**
 * 社保 through the city's social security bureau (social-security@1): every
 * answer is about the verified citizen, whose name and ID number the
 * platform opens from the sealed identity and sends only to this bureau, in
 * a signed request.
 */
export const socialSecurityRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, { db, box, config }) => {
  const timeoutMs = config.citizen.agencyTimeoutMs
  app.addHook('onRequest', requireCitizen(db))

  /** The bureau and the verified citizen (403 IDENTITY_REQUIRED before 实名认证). */
  async function bureauFor(serviceId: string, citizenId: string) {
    const identity = await requireIdentity(db, box, citizenId)
    return { agency: await listedService(db, box, serviceId, CONTRACT), identity }
  }

  app.get(
    '/v1/services/:serviceId/social-security/insured',
    { schema: { tags: ['citizen'], summary: "The verified citizen's insured status per insurance type and contribution periods", security, params: ServiceParams, response: { 200: InsuredView, ...errors } } },
    async (req) => {
      const { agency, identity } = await bureauFor(req.params.serviceId, citizenOf(req))
      return callOperation(agency, op('getInsuredStatus'), { body: { idNumber: identity.idNumber }, timeoutMs, log: req.log })
    },
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
    async (req) => {
      const range = yearMonths(req.query.year)
      const { agency, identity } = await bureauFor(req.params.serviceId, citizenOf(req))
      const list = await callOperation(agency, op('listContributions'), { body: { idNumber: identity.idNumber, ...range }, timeoutMs, log: req.log })
      return { year: req.query.year, ...range, ...list }
    },
  )

  app.get(
    '/v1/services/:serviceId/social-security/medical-account',
    { schema: { tags: ['citizen'], summary: 'Medical insurance personal account: balance and recent transactions', security, params: ServiceParams, response: { 200: MedicalAccountView, ...errors } } },
    async (req) => {
      const { agency, identity } = await bureauFor(req.params.serviceId, citizenOf(req))
      return callOperation(agency, op('getMedicalAccount'), { body: { idNumber: identity.idNumber }, timeoutMs, log: req.log })
    },
  )

  app.get(
    '/v1/services/:serviceId/social-security/e-card',
    { schema: { tags: ['citizen'], summary: 'Electronic social security card with a short-lived QR payload (drawn on the device)', security, params: ServiceParams, response: { 200: ECardView, ...errors } } },
    async (req, reply) => {
      const { agency, identity } = await bureauFor(req.params.serviceId, citizenOf(req))
      // The QR payload identifies the holder for a minute: never cached on the way.
      reply.header('cache-control', 'no-store')
      return callOperation(agency, op('getECard'), { body: { name: identity.name, idNumber: identity.idNumber }, timeoutMs, log: req.log })
    },
  )
}
