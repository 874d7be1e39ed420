import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Value } from 'typebox/value'
import { SIGNATURE_ERROR_CODES } from '../../contracts/common'
import { NotifyAck, PaymentNotification } from '../../contracts/payment'
import { keepRawJsonBodies, rawJsonBody } from '../../contracts/raw-json-body'
import { createReplayGuard, verifyRequest } from '../../contracts/signing'
import { ErrorBody, HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import { listMyPayments, myPayment } from './my-payments-service'
import type { Payments } from './payment-service'
import { MyPaymentAnswer, MyPaymentList, MyPaymentsQuery } from '../../../src/api/my-payments'
import { PaymentAnswer, PaymentParams } from '../../../src/api/payments'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody }

/** The citizen's payments: 我的支付, status, 关闭订单, and in development the simulated cashier. */
export const paymentRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, { db, config, payments }) => {
  app.addHook('onRequest', requireCitizen(db))

  app.get(
    '/v1/me/payments',
    {
      schema: {
        tags: ['citizen'],
        summary: '我的支付: the citizen’s own payments across every service, newest first, a page at a time (size, then cursor = the previous page’s nextCursor)',
        security,
        querystring: MyPaymentsQuery,
        response: { 200: MyPaymentList, ...errors },
      },
    },
    async (req) => listMyPayments(db, citizenOf(req), req.query),
  )

  app.get(
    '/v1/me/payments/:orderId/receipt',
    { schema: { tags: ['citizen'], summary: 'One payment as 我的支付 shows it (the receipt)', security, params: PaymentParams, response: { 200: MyPaymentAnswer, ...errors } } },
    async (req) => ({ payment: await myPayment(db, citizenOf(req), req.params.orderId) }),
  )

  app.post(
    '/v1/me/payments/:orderId/close',
    {
      schema: {
        tags: ['citizen'],
        summary: '关闭订单: the citizen closes an unpaid order, which can no longer be paid (idempotent; 409 PAYMENT_NOT_OPEN when it is paid)',
        security,
        params: PaymentParams,
        response: { 200: MyPaymentAnswer, ...errors, 409: ErrorBody, 502: ErrorBody, 504: ErrorBody },
      },
    },
    async (req) => {
      const citizenId = citizenOf(req)
      await payments.close(await payments.ofCitizen(citizenId, req.params.orderId), req.log)
      return { payment: await myPayment(db, citizenId, req.params.orderId) }
    },
  )

  app.get(
    '/v1/me/payments/:orderId',
    { schema: { tags: ['citizen'], summary: 'A payment as it is now (asks the payment agency when still unpaid)', security, params: PaymentParams, response: { 200: PaymentAnswer, ...errors, 502: ErrorBody, 504: ErrorBody } } },
    async (req) => ({ payment: await payments.refresh(await payments.ofCitizen(citizenOf(req), req.params.orderId), req.log) }),
  )

  if (config.citizen.paymentSimulator) {
    app.post(
      '/v1/me/payments/:orderId/simulated-pay',
      {
        schema: {
          tags: ['citizen'],
          summary: 'Development only: the simulated WeChat Pay wallet pays the order (the H5 cashier page); the platform learns it from the signed notify',
          security,
          params: PaymentParams,
          response: { 200: PaymentAnswer, ...errors, 409: ErrorBody, 502: ErrorBody, 504: ErrorBody },
        },
      },
      async (req) => ({ payment: await payments.simulatePay(await payments.ofCitizen(citizenOf(req), req.params.orderId), req.log) }),
    )
  }
}

/**
 * The payment agency's notify callback. It is verified over the exact bytes
 * received (signature, freshness, single use) before anything is read, so a
 * forged or replayed notify is refused and changes nothing; a genuine one
 * sent twice changes things once.
 */
export const paymentNotifyRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, { payments }) => {
  const guard = createReplayGuard()
  keepRawJsonBodies(app)

  app.post(
    '/v1/payments/notify/:agencyId',
    {
      schema: {
        tags: ['agency'],
        summary: 'Payment notify callback (payment@1), signed with the payment agency’s secret',
        params: Type.Object({ agencyId: Type.String({ pattern: '^[a-z0-9-]{1,64}$' }) }),
        response: { 200: NotifyAck, ...errors, 422: ErrorBody },
      },
      // Verify before the body is validated: an unsigned caller learns nothing about what a valid notify looks like.
      preValidation: async (req) => {
        const secret = await payments.notifySecret((req.params as { agencyId: string }).agencyId, req.log)
        const raw = rawJsonBody(req)
        const result = verifyRequest({ method: req.method, target: req.url, body: raw.text }, req.headers, secret, { guard })
        if (!result.ok) {
          req.log.warn({ reason: result.reason }, 'payment notify refused')
          throw new HttpError(401, SIGNATURE_ERROR_CODES[result.reason], 'The notify is not signed by the payment agency / 通知签名无效')
        }
        if (raw.parseError) throw new HttpError(400, 'INVALID_JSON', 'The body is not valid JSON / 请求体不是合法的 JSON')
      },
    },
    async (req) => {
      if (!Value.Check(PaymentNotification, req.body)) throw new HttpError(400, 'VALIDATION_FAILED', 'Not a payment notification / 通知内容不正确')
      await payments.notified(req.body, req.log)
      return { received: true as const }
    },
  )
}
