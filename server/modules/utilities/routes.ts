import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { PaymentAnswer } from '../../../src/api/payments'
import {
  AccountCheck,
  BillsQuery,
  PayBillsBody,
  Providers,
  TopUpBody,
  UtilitiesParams,
  UtilityAccountAnswer,
  UtilityAccountList,
  UtilityAccountParams,
  UtilityAccountRequest,
  UtilityBills,
  UtilityPayments,
} from '../../../src/api/utilities'
import { ErrorBody } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import type { Payments } from '../payments/payment-service'
import { createUtilities } from './service'

const security = [{ citizenSession: [] }]
const tags = ['citizen']
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 502: ErrorBody, 503: ErrorBody, 504: ErrorBody }
const base = '/v1/services/:serviceId/utility-accounts'

/** 生活缴费 (utilities@1): schema → service → answer; the rules are in service.ts. */
export const utilitiesRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, deps) => {
  const utilities = createUtilities(deps)
  app.addHook('onRequest', requireCitizen(deps.db))

  app.get(
    '/v1/services/:serviceId/utility-providers',
    { schema: { tags, summary: "The city's water, electricity and gas companies", security, params: UtilitiesParams, response: { 200: Providers, ...errors } } },
    async (req) => utilities.providers(req.params.serviceId, req.log),
  )

  app.get(
    base,
    { schema: { tags, summary: 'Bound household accounts at this service, masked', security, params: UtilitiesParams, response: { 200: UtilityAccountList, ...errors } } },
    async (req) => ({ accounts: await utilities.list(citizenOf(req), req.params.serviceId) }),
  )

  app.post(
    `${base}/check`,
    {
      schema: { tags, summary: "Look a 户号 up at the company: the holder's masked name and address, to confirm before binding (needs 实名认证)", security, params: UtilitiesParams, body: UtilityAccountRequest, response: { 200: AccountCheck, ...errors, 422: ErrorBody } },
    },
    async (req) => utilities.check(citizenOf(req), req.params.serviceId, req.body, req.log),
  )

  app.post(
    base,
    {
      schema: { tags, summary: 'Bind a household account (needs 实名认证): company and 户号, verified at the company', security, params: UtilitiesParams, body: UtilityAccountRequest, response: { 201: UtilityAccountAnswer, ...errors, 409: ErrorBody, 422: ErrorBody } },
    },
    async (req, reply) => reply.code(201).send({ account: await utilities.bind(citizenOf(req), req.params.serviceId, req.body, req.log) }),
  )

  app.delete(
    `${base}/:accountId`,
    { schema: { tags, summary: 'Unbind a household account', security, params: UtilityAccountParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await utilities.unbind(citizenOf(req), req.params.serviceId, req.params.accountId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    `${base}/:accountId/bills`,
    {
      schema: { tags, summary: 'Bills by month (usage, amount, due date, status, late fee), from the company', security, params: UtilityAccountParams, querystring: BillsQuery, response: { 200: UtilityBills, ...errors, 422: ErrorBody } },
    },
    async (req) => utilities.bills(citizenOf(req), req.params.serviceId, req.params.accountId, req.query, req.log),
  )

  app.post(
    `${base}/:accountId/bill-payments`,
    {
      schema: {
        tags,
        summary: 'Pay the chosen bills in one payment (amounts + late fees); a bill paid elsewhere meanwhile → 409 BILL_ALREADY_PAID before anything is charged',
        security,
        params: UtilityAccountParams,
        body: PayBillsBody,
        response: { 200: PaymentAnswer, 201: PaymentAnswer, ...errors, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const { payment, created } = await utilities.payBills(citizenOf(req), req.params.serviceId, req.params.accountId, req.body.billIds, req.log)
      return reply.code(created ? 201 : 200).send({ payment })
    },
  )

  app.post(
    `${base}/:accountId/top-ups`,
    {
      schema: { tags, summary: 'Top up a prepaid meter in one payment (a repeated tap with the same requestId gets the same order)', security, params: UtilityAccountParams, body: TopUpBody, response: { 200: PaymentAnswer, 201: PaymentAnswer, ...errors, 409: ErrorBody, 422: ErrorBody } },
    },
    async (req, reply) => {
      const { payment, created } = await utilities.topUp(citizenOf(req), req.params.serviceId, req.params.accountId, req.body.amountFen, req.body.requestId, req.log)
      return reply.code(created ? 201 : 200).send({ payment })
    },
  )

  app.get(
    `${base}/:accountId/payments`,
    { schema: { tags, summary: "The account's payments at the company, every channel", security, params: UtilityAccountParams, response: { 200: UtilityPayments, ...errors } } },
    async (req) => utilities.history(citizenOf(req), req.params.serviceId, req.params.accountId, req.log),
  )
}
