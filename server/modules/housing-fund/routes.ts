import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import {
  AccountNumberView,
  AccountView,
  DepositYear,
  EligibilityView,
  LoanParams,
  LoanScheduleView,
  LoansView,
  ServiceParams,
  WithdrawalAnswer,
  WithdrawalBody,
  YearQuery,
} from '../../../src/api/housing-fund'
import { createHousingFund } from './service'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/** 公积金 for the verified citizen (the rules: service.ts). */
export const housingFundRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, deps) => {
  const fund = createHousingFund(deps)
  app.addHook('onRequest', requireCitizen(deps.db))

  app.get(
    '/v1/services/:serviceId/housing-fund/account',
    { schema: { tags: ['citizen'], summary: 'The fund account: balance, status, monthly deposit by part; the account number masked', security, params: ServiceParams, response: { 200: AccountView, ...errors } } },
    async (req) => fund.account(req.params.serviceId, citizenOf(req), req.log),
  )

  app.get(
    '/v1/services/:serviceId/housing-fund/account-number',
    { schema: { tags: ['citizen'], summary: 'The full account number, asked for only when the citizen taps to see it; never cached', security, params: ServiceParams, response: { 200: AccountNumberView, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return fund.accountNumber(req.params.serviceId, citizenOf(req), req.log)
    },
  )

  app.get(
    '/v1/services/:serviceId/housing-fund/deposits',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Deposit, interest and withdrawal records of one calendar year, oldest first',
        security,
        params: ServiceParams,
        querystring: YearQuery,
        response: { 200: DepositYear, ...errors },
      },
    },
    async (req) => fund.deposits(req.params.serviceId, citizenOf(req), req.query.year, req.log),
  )

  app.get(
    '/v1/services/:serviceId/housing-fund/loans',
    { schema: { tags: ['citizen'], summary: "The citizen's fund loans", security, params: ServiceParams, response: { 200: LoansView, ...errors } } },
    async (req) => fund.loans(req.params.serviceId, citizenOf(req), req.log),
  )

  app.get(
    '/v1/services/:serviceId/housing-fund/loans/:loanId/schedule',
    { schema: { tags: ['citizen'], summary: "A loan's repayment schedule: every period, paid or upcoming", security, params: LoanParams, response: { 200: LoanScheduleView, ...errors } } },
    async (req) => fund.loanSchedule(req.params.serviceId, citizenOf(req), req.params.loanId, req.log),
  )

  app.get(
    '/v1/services/:serviceId/housing-fund/withdrawals/eligibility',
    { schema: { tags: ['citizen'], summary: 'Withdrawal reasons: whether the citizen may withdraw for each, up to how much, and why not', security, params: ServiceParams, response: { 200: EligibilityView, ...errors } } },
    async (req) => fund.eligibility(req.params.serviceId, citizenOf(req), req.log),
  )

  app.post(
    '/v1/services/:serviceId/housing-fund/withdrawals',
    {
      schema: {
        tags: ['citizen'],
        summary: 'Apply to withdraw; idempotent by idempotencyKey (a retry gets the same application); recorded in 办事记录',
        security,
        params: ServiceParams,
        body: WithdrawalBody,
        response: { 201: WithdrawalAnswer, ...errors, 409: ErrorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await fund.applyWithdrawal(req.params.serviceId, citizenOf(req), req.body, req.log)),
  )
}
