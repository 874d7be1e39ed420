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
import { platformAgency } from '../gateway/agency-targets'
import { callAgency } from '../gateway/agency-client'
import type { Payments } from './payment-service'
import { findPayment } from './repository'
import { PaymentAnswer, PaymentParams } from '../../../src/api/payments'

const security = [{ citizenSession: [] }]
const errors = { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody }

/** The citizen's payments: status, and in development the simulated cashier. */
export const paymentRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, { db, box, config, payments }) => {
  app.addHook('onRequest', requireCitizen(db))

  const ownPayment = async (citizenId: string, orderId: string) => {
    const row = await findPayment(db, orderId)
    if (!row || row.citizen_id !== citizenId) throw new HttpError(404, 'PAYMENT_NOT_FOUND', 'No such payment / 未找到该笔支付')
    return row
  }

  app.get(
    '/v1/me/payments/:orderId',
    { schema: { tags: ['citizen'], summary: 'A payment as it is now (asks the payment agency when still unpaid)', security, params: PaymentParams, response: { 200: PaymentAnswer, ...errors, 502: ErrorBody, 504: ErrorBody } } },
    async (req) => ({ payment: await payments.refresh(await ownPayment(citizenOf(req), req.params.orderId), req.log) }),
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
      async (req) => {
        const row = await ownPayment(citizenOf(req), req.params.orderId)
        if (row.status === 'created') {
          const agency = await platformAgency(db, box, 'payment@1')
          // Outside the contract: the simulated wallet's confirm button. The payment agency answers after it sent the notify.
          const answer = await callAgency(agency.endpoint, agency.secret, { method: 'POST', path: `/v1/orders/${row.order_id}/simulate-pay` }, { timeoutMs: config.citizen.agencyTimeoutMs })
          if (answer.status === 409) throw new HttpError(409, 'ORDER_CLOSED', 'The order expired unpaid / 订单已超时关闭，请重新发起缴款')
          if (answer.status !== 200) throw new HttpError(502, 'AGENCY_UNAVAILABLE', 'The payment service did not answer / 支付服务暂时不可用，请稍后重试')
        }
        return { payment: await payments.refresh((await findPayment(db, row.order_id))!, req.log) }
      },
    )
  }
}

/**
 * The payment agency's notify callback. It is verified over the exact bytes
 * received (signature, freshness, single use) before anything is read, so a
 * forged or replayed notify is refused and changes nothing; a genuine one
 * sent twice changes things once.
 */
export const paymentNotifyRoutes: FastifyPluginAsyncTypebox<CitizenDeps & { payments: Payments }> = async (app, { db, box, payments }) => {
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
        const agency = await platformAgency(db, box, 'payment@1')
        if (agency.agencyId !== (req.params as { agencyId: string }).agencyId) throw new HttpError(404, 'NOT_FOUND', 'No such payment agency / 未找到该支付机构')
        const raw = rawJsonBody(req)
        const result = verifyRequest({ method: req.method, target: req.url, body: raw.text }, req.headers, agency.secret, { guard })
        if (!result.ok) {
          req.log.warn({ reason: result.reason }, 'payment notify refused')
          throw new HttpError(401, SIGNATURE_ERROR_CODES[result.reason], 'The notify is not signed by the payment agency / 通知签名无效')
        }
        if (raw.parseError) throw new HttpError(400, 'INVALID_JSON', 'The body is not valid JSON / 请求体不是合法的 JSON')
      },
    },
    async (req) => {
      if (!Value.Check(PaymentNotification, req.body)) throw new HttpError(400, 'VALIDATION_FAILED', 'Not a payment notification / 通知内容不正确')
      const n = req.body
      const row = await findPayment(db, n.orderId)
      if (!row) throw new HttpError(404, 'ORDER_NOT_FOUND', `No order ${n.orderId} / 未找到该订单`)
      if (Number(row.amount_fen) !== n.amountFen) {
        req.log.error({ orderId: n.orderId }, 'payment notify with another amount than the order; not recorded')
        throw new HttpError(422, 'AMOUNT_MISMATCH', 'The amount differs from the order / 金额与订单不符')
      }
      await payments.paid(row, n, req.log)
      return { received: true as const }
    },
  )
}
