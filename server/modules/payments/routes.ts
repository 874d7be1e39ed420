import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { keepRawJsonBodies, rawJsonBody } from '../../contracts/raw-json-body'
import { ErrorBody, HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { citizenOf, requireCitizen } from '../citizens/citizen-session'
import { listMyPayments, myPayment } from './my-payments-service'
import { type Payments, WECHATPAY_NOTIFY_PATH } from './payment-service'
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
 * WeChat Pay's notifications (API v3). The signature is checked over the
 * exact bytes received with the WeChat Pay public key `Wechatpay-Serial`
 * names, before anything is read; the resource is decrypted with the APIv3
 * key. A forged, stale (> 5 min) or probe (WECHATPAY/SIGNTEST/) notification
 * is refused and changes nothing; every redelivery of a genuine one is
 * answered 204 and changes the order once. Answered as soon as the payment is
 * recorded (well within WeChat's 5 s); failures carry WeChat's
 * `{ code, message }` (and the platform's `error`), so WeChat retries them.
 */
export const paymentNotifyRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, { payments }) => {
  keepRawJsonBodies(app)

  app.post(
    WECHATPAY_NOTIFY_PATH,
    {
      schema: {
        tags: ['agency'],
        summary: 'WeChat Pay v3 notification (TRANSACTION.SUCCESS): signed by WeChat Pay, resource encrypted with the APIv3 key; 204 when recorded',
        response: { 204: Type.Null(), 400: WechatNotifyFailure, 401: WechatNotifyFailure, 404: WechatNotifyFailure, 422: WechatNotifyFailure },
      },
      errorHandler: (err: Error & { statusCode?: number; code?: string }, req, reply) => {
        const status = err instanceof HttpError ? err.statusCode : (err.statusCode ?? 500)
        if (status >= 500) req.log.error({ err }, 'WeChat Pay notification failed')
        const code = err instanceof HttpError ? err.code : status >= 500 ? 'INTERNAL' : status === 413 ? 'BODY_TOO_LARGE' : (err.code ?? 'BAD_REQUEST')
        const message = status >= 500 ? 'Something went wrong on our side / 系统错误，请稍后重试' : status === 413 ? 'The body is larger than 64 KiB / 请求内容超过 64 KiB' : err.message
        return reply.code(status as 400).send({ code: 'FAIL', message, error: { code, message, details: [] } })
      },
    },
    async (req, reply) => {
      const tx = payments.openNotification(req.headers, rawJsonBody(req).text, req.log)
      await payments.notified(tx, req.log)
      return reply.code(204).send(null)
    },
  )
}

/** A refused notification: WeChat's `{ code: 'FAIL', message }`, with the platform's error body beside it. */
const WechatNotifyFailure = Type.Object({ code: Type.Literal('FAIL'), message: Type.String(), error: ErrorBody.properties.error })
