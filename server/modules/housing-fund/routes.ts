import { createHash } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger } from 'fastify'
import { formatYuan } from '../../../src/domain/money'
import { operation } from '../../contracts/common'
import { CONTRACT, operations } from '../../contracts/housing-fund'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen, requireIdentity } from '../citizens/citizen-session'
import { addRecord } from '../citizens/records-repository'
import { yearMonths } from '../citizens/year-months'
import { listedService } from '../gateway/agency-targets'
import { callOperation } from '../gateway/call-operation'
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
} from './schemas'

const op = <N extends (typeof operations)[number]['name']>(name: N) => operation(operations, name)
const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }

/**
 * 公积金 through the city's fund centre (housing-fund@1) for the verified
 * citizen, whose ID number goes only to this centre in signed requests. A
 * withdrawal application is a transaction: it is written to 办事记录 once,
 * however often the app retries it.
 */
export const housingFundRoutes: FastifyPluginAsyncTypebox<CitizenDeps> = async (app, { db, box, config }) => {
  const timeoutMs = config.citizen.agencyTimeoutMs
  app.addHook('onRequest', requireCitizen(db))

  /** The centre and the verified citizen's ID number (403 IDENTITY_REQUIRED before 实名认证). */
  async function centreFor(serviceId: string, citizenId: string) {
    const { idNumber } = await requireIdentity(db, box, citizenId)
    return { agency: await listedService(db, box, serviceId, CONTRACT), idNumber }
  }
  /** Asks the centre one thing about the citizen, by ID number. */
  async function ask<N extends 'getAccount' | 'getAccountNumber' | 'listLoans' | 'getWithdrawalEligibility'>(name: N, serviceId: string, citizenId: string, log: FastifyBaseLogger) {
    const { agency, idNumber } = await centreFor(serviceId, citizenId)
    return callOperation(agency, op(name), { body: { idNumber }, timeoutMs, log })
  }

  app.get(
    '/v1/services/:serviceId/housing-fund/account',
    { schema: { tags: ['citizen'], summary: 'The fund account: balance, status, monthly deposit by part; the account number masked', security, params: ServiceParams, response: { 200: AccountView, ...errors } } },
    async (req) => ask('getAccount', req.params.serviceId, citizenOf(req), req.log),
  )

  app.get(
    '/v1/services/:serviceId/housing-fund/account-number',
    { schema: { tags: ['citizen'], summary: 'The full account number, asked for only when the citizen taps to see it; never cached', security, params: ServiceParams, response: { 200: AccountNumberView, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return ask('getAccountNumber', req.params.serviceId, citizenOf(req), req.log)
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
    async (req) => {
      const range = yearMonths(req.query.year)
      const { agency, idNumber } = await centreFor(req.params.serviceId, citizenOf(req))
      const list = await callOperation(agency, op('listDeposits'), { body: { idNumber, ...range }, timeoutMs, log: req.log })
      return { year: req.query.year, ...list }
    },
  )

  app.get(
    '/v1/services/:serviceId/housing-fund/loans',
    { schema: { tags: ['citizen'], summary: "The citizen's fund loans", security, params: ServiceParams, response: { 200: LoansView, ...errors } } },
    async (req) => ask('listLoans', req.params.serviceId, citizenOf(req), req.log),
  )

  app.get(
    '/v1/services/:serviceId/housing-fund/loans/:loanId/schedule',
    { schema: { tags: ['citizen'], summary: "A loan's repayment schedule: every period, paid or upcoming", security, params: LoanParams, response: { 200: LoanScheduleView, ...errors } } },
    async (req) => {
      const { agency, idNumber } = await centreFor(req.params.serviceId, citizenOf(req))
      return callOperation(agency, op('getLoanSchedule'), { body: { idNumber, loanId: req.params.loanId }, timeoutMs, log: req.log })
    },
  )

  app.get(
    '/v1/services/:serviceId/housing-fund/withdrawals/eligibility',
    { schema: { tags: ['citizen'], summary: 'Withdrawal reasons: whether the citizen may withdraw for each, up to how much, and why not', security, params: ServiceParams, response: { 200: EligibilityView, ...errors } } },
    async (req) => ask('getWithdrawalEligibility', req.params.serviceId, citizenOf(req), req.log),
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
    async (req, reply) => {
      const citizenId = citizenOf(req)
      const { agency, idNumber } = await centreFor(req.params.serviceId, citizenId)
      // The centre's request id is derived from the citizen's key: a retry is the same application, and two citizens never share one.
      const requestId = createHash('sha256').update(`${citizenId}:${req.body.idempotencyKey}`).digest('base64url').slice(0, 32)
      const application = await callOperation(agency, op('applyWithdrawal'), {
        body: { idNumber, reason: req.body.reason, amountFen: req.body.amountFen, requestId },
        timeoutMs,
        log: req.log,
      })
      await addRecord(db, {
        citizenId,
        serviceId: req.params.serviceId,
        what: `公积金${application.reasonName}申请（${formatYuan(application.amountFen)}）`,
        status: application.status === 'approved' ? 'done' : 'pending',
        amountFen: application.amountFen,
        ref: `withdrawal:${application.applicationNo}`,
      })
      return reply.code(201).send({ application })
    },
  )
}
