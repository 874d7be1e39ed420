import { randomBytes } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { Value } from 'typebox/value'
import { decryptResource, requestPaymentParams, verifyWechatpay } from '../../contracts/wechat-pay/protocol'
import { Notification, Transaction, type TransactionT } from '../../contracts/wechat-pay/schemas'
import { HttpError } from '../../errors'
import type { CitizenDeps } from '../citizens/citizen-deps'
import { addRecord, setRecordStatus } from '../citizens/records-service'
import { notifyCaseChange } from '../messages/messages-service'
import { payerOpenid } from '../citizens/session-service'
import { FulfilmentRefused } from './fulfilment-refused'
import { type PaymentSubject, formatSubject, parseSubject } from './payment-subject'
import { SubjectTaken } from './subject-taken'
import type { StoredPrepay } from './stored-prepay'
import { type WechatPayClient, WechatPayRefused } from './wechat-pay-client'
import {
  type PaymentRow,
  findOpenPayment,
  findOpenPaymentElsewhere,
  findPayment,
  insertOrFindOpen,
  markClosed,
  markDone,
  markPaid,
  markRefunded,
  needingReconciliation,
  replacePrepay,
  setPrepay,
} from './repository'
import type { PaymentT } from '../../../src/api/payments'

export type { PaymentRow } from './repository'

/** Where WeChat Pay sends its notifications (the JSAPI order's notify_url, under the platform's public URL). */
export const WECHATPAY_NOTIFY_PATH = '/v1/payments/wechatpay/notify'

const NOTIFY_REFUSALS: Record<Exclude<NotificationRefusal, 'undecryptable'>, string> = {
  'missing-headers': 'SIGNATURE_MISSING',
  signtest: 'SIGNATURE_PROBE',
  stale: 'SIGNATURE_EXPIRED',
  'unknown-serial': 'SIGNATURE_UNKNOWN_KEY',
  'bad-signature': 'SIGNATURE_INVALID',
}

/** How long a citizen has to pay an order (the payment agency's order lifetime): past it, an order never created there is closed rather than made. */
export const PAYMENT_WINDOW_MS = 30 * 60_000

/** What a citizen pays for: a service's subject and the amount due now. */
export interface PaymentRequest {
  citizenId: string
  serviceId: string
  subject: PaymentSubject
  amountFen: number
  /** On the WeChat Pay bill, e.g. 交通违法罚款. */
  description: string
  /** In 办事记录, e.g. 缴纳交通违法罚款（违法代码 1625）. */
  what: string
  /** Shown in 我的支付 and 办事记录 beside what was paid for; masked, never PII in clear (a fine's plate: 川A***45). */
  detail?: string
}

/** That an order was paid, from WeChat Pay (a verified notification or the order queried). */
export interface PaidNotice {
  orderId: string
  transactionId: string
  amountFen: number
  paidAt: string
}

/** A WeChat Pay notification refused before anything is read: HTTP status and code (WeChat retries it). */
export type NotificationRefusal = 'missing-headers' | 'signtest' | 'stale' | 'unknown-serial' | 'bad-signature' | 'undecryptable'

/** A paid order as its fulfiller sees it. */
export interface PaidOrder {
  orderId: string
  serviceId: string
  subject: PaymentSubject
  amountFen: number
}

/**
 * Tells the service's agency that its subject was paid and returns the
 * agency's receipt. Idempotent by order id at the agency, so calling it again
 * after a crash, a retried notify or a sweep never records the payment twice.
 * Throws FulfilmentRefused when the agency will never record it: the payment
 * is then refunded; any other failure is retried.
 */
export type Fulfiller = (paid: PaidOrder, log: FastifyBaseLogger) => Promise<{ receiptNo: string }>

/** One fulfiller per kind of subject, given when payments are built (from the service slices, server/slices.ts). */
export type Fulfillers = Readonly<Record<string, Fulfiller>>

export interface Payments {
  /**
   * 关闭订单: the citizen closes their own unpaid order, which can then no
   * longer be paid here (its record is cancelled). Asks the payment agency
   * first, so an order paid meanwhile is answered paid, not closed (409
   * PAYMENT_NOT_OPEN, as for any paid or refunded one). Idempotent: closing a
   * closed order answers it as it is.
   */
  close(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentRow>
  /** The open payment for the subject, created (with its prepay at the payment agency) if there is none. */
  open(req: PaymentRequest, log: FastifyBaseLogger): Promise<{ payment: PaymentT; created: boolean }>
  /** The payment as it is now: asks the payment agency about an unpaid order and finishes a paid one. */
  refresh(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentT>
  /** WeChat Pay says the order was paid: mark paid and tell the service's agency. */
  paid(row: PaymentRow, notice: PaidNotice, log: FastifyBaseLogger): Promise<void>
  view(row: PaymentRow): PaymentT
  /** The payment of the subject that is not closed, if any. */
  findOpen(serviceId: string, subject: PaymentSubject): Promise<PaymentRow | undefined>
  /**
   * The payment of the subject that is not closed in another service, if
   * any: for subjects that exist once across the platform (a violation is
   * paid once, whichever listing the citizen pays it through).
   */
  findOpenElsewhere(serviceId: string, subject: PaymentSubject): Promise<PaymentRow | undefined>
  /** The payment with this order id, if any. */
  find(orderId: string): Promise<PaymentRow | undefined>
  /** The citizen's own payment; 404 PAYMENT_NOT_FOUND for another's or none (order ids are not disclosed). */
  ofCitizen(citizenId: string, orderId: string): Promise<PaymentRow>
  /** Development only: the simulated WeChat Pay's wallet pays the order, which sends the real v3 notification; answers the payment after. */
  simulatePay(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentT>
  /**
   * Opens a WeChat Pay notification: its signature checked with the WeChat
   * Pay public key Wechatpay-Serial names (probes, a clock more than 5 min
   * off, unknown keys and bad signatures refused), then its resource
   * decrypted with the APIv3 key. Throws HttpError 401/400 otherwise.
   */
  openNotification(headers: Record<string, string | string[] | undefined>, rawBody: string, log: FastifyBaseLogger): TransactionT
  /**
   * A verified TRANSACTION.SUCCESS: records the payment once (422 when the
   * amount or merchant differ from the order's) and answers at once; the
   * service's agency is told after the answer (a sweep finishes it after a crash).
   */
  notified(tx: TransactionT, log: FastifyBaseLogger): Promise<void>
  /**
   * Refunds a paid payment in full and records the refund in 办事记录.
   * Idempotent (one refund id per order at the agency), so a retry after a
   * timeout never refunds twice.
   */
  refund(row: PaymentRow, reason: string, log: FastifyBaseLogger): Promise<PaymentRow>
  /**
   * Finishes what a crash or a lost answer left half done (run on a timer):
   * a paid payment is fulfilled once its agency answers; an open one is
   * checked with the payment agency, so one paid meanwhile is fulfilled, one
   * closed there is closed here, and one the agency has no order for is
   * created there again while it can still be paid, else closed.
   */
  sweep(log: FastifyBaseLogger): Promise<void>
}

/** The citizens' payments through the platform's payment agency; a paid one is fulfilled by its subject kind's fulfiller. */
export function createPayments(deps: CitizenDeps, { fulfillers, wechatPay }: { fulfillers: Fulfillers; wechatPay: WechatPayClient }): Payments {
  const { db, config } = deps
  const timeoutMs = config.citizen.agencyTimeoutMs

  const view = (row: PaymentRow): PaymentT => ({
    orderId: row.order_id,
    serviceId: row.service_id,
    description: row.description,
    amountFen: Number(row.amount_fen),
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at ?? new Date(row.created_at).getTime() + PAYMENT_WINDOW_MS).toISOString(),
    ...(row.paid_at ? { paidAt: new Date(row.paid_at).toISOString() } : {}),
    ...(row.receipt_no ? { receiptNo: row.receipt_no } : {}),
    ...(row.refunded_at ? { refundedAt: new Date(row.refunded_at).toISOString() } : {}),
    ...(row.status === 'created' && row.prepay ? { payParams: row.prepay.payParams } : {}),
    simulatedCashier: config.citizen.paymentSimulator,
  })

  const reload = async (orderId: string) => (await findPayment(db, orderId))!

  /**
   * Asks the service's agency to record the payment; a failure leaves it
   * paid, to be finished by the next refresh, and a refusal for good refunds it.
   */
  async function finish(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentRow> {
    const subject = parseSubject(row.subject)
    const fulfil = fulfillers[subject.kind]
    if (!fulfil) {
      log.error({ orderId: row.order_id, kind: subject.kind }, 'paid, but no service fulfils this kind of payment')
      return row
    }
    try {
      const { receiptNo } = await fulfil({ orderId: row.order_id, serviceId: row.service_id, subject, amountFen: Number(row.amount_fen) }, log)
      if (await markDone(db, row.order_id, receiptNo)) await setRecordStatus(db, row.order_id, 'done')
    } catch (err) {
      if (err instanceof FulfilmentRefused) return refundRefused(row, err, log)
      log.warn({ orderId: row.order_id, code: (err as HttpError).code }, 'paid, but the agency has not confirmed yet; retried on the next refresh')
    }
    return reload(row.order_id)
  }

  /** The agency will never record the payment: its record fails and the citizen gets the money back (a failed refund is retried like a fulfilment). */
  async function refundRefused(row: PaymentRow, refused: FulfilmentRefused, log: FastifyBaseLogger): Promise<PaymentRow> {
    log.warn({ orderId: row.order_id, code: refused.code }, 'the agency refused a paid order for good: refunding it')
    await setRecordStatus(db, row.order_id, 'failed')
    try {
      return await refund(row, refused.reason, log)
    } catch (err) {
      log.warn({ orderId: row.order_id, code: (err as HttpError).code }, 'could not refund a refused payment yet; retried on the next refresh')
      return reload(row.order_id)
    }
  }

  /** created → paid, once however often WeChat Pay says so; answers the payment as it is after. */
  async function recordPaid(row: PaymentRow, n: PaidNotice, log: FastifyBaseLogger): Promise<PaymentRow> {
    if (await markPaid(db, row.order_id, n.transactionId, n.paidAt)) {
      log.info({ orderId: row.order_id }, 'payment recorded paid')
      await setRecordStatus(db, row.order_id, 'paid')
    }
    const now = await reload(row.order_id)
    // On every paid notice, not only the first: a crash after marking it paid leaves no case without its 消息 (one per case and state).
    if (now.paid_at) await notifyCaseChange(deps, { ref: row.order_id, state: 'paid' })
    return now
  }

  async function paid(row: PaymentRow, n: PaidNotice, log: FastifyBaseLogger): Promise<void> {
    const now = await recordPaid(row, n, log)
    if (now.status === 'paid') await finish(now, log)
  }

  /** A WeChat Pay transaction that says the order was paid, as a notice; undefined for any other state. */
  const paidNotice = (tx: TransactionT): PaidNotice | undefined =>
    (tx.trade_state === 'SUCCESS' || tx.trade_state === 'REFUND') && tx.transaction_id && tx.success_time && tx.amount?.total !== undefined
      ? { orderId: tx.out_trade_no, transactionId: tx.transaction_id, amountFen: tx.amount.total, paidAt: tx.success_time }
      : undefined

  async function refresh(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentT> {
    if (row.status === 'paid') return view(await finish(row, log))
    if (row.status !== 'created' || !row.prepay) return view(row)
    let order: TransactionT
    try {
      order = await wechatPay.query(row.order_id, log)
    } catch (err) {
      if (!(err instanceof WechatPayRefused && err.code === 'ORDER_NOT_EXIST')) throw refusedAsUnavailable(err)
      return view(await reissue(row, log))
    }
    const notice = paidNotice(order)
    if (notice && notice.amountFen === Number(row.amount_fen)) {
      // The notification was lost or is late: the order's own state is as good as one.
      await paid(row, notice, log)
    } else if (order.trade_state === 'CLOSED' || order.trade_state === 'REVOKED' || order.trade_state === 'PAYERROR') {
      if (await markClosed(db, row.order_id)) await setRecordStatus(db, row.order_id, 'cancelled')
    } else if (order.trade_state === 'NOTPAY' && Date.parse(row.prepay.expiresAt) <= Date.now()) {
      // Expired unpaid: close it at WeChat Pay (关单) so it can never be paid, then here.
      await closeAtWechatPay(row, log)
    }
    return view(await reload(row.order_id))
  }

  /** 关单 at WeChat Pay, then closed here; an order paid meanwhile is recorded paid instead. */
  async function closeAtWechatPay(row: PaymentRow, log: FastifyBaseLogger): Promise<void> {
    try {
      await wechatPay.close(row.order_id, log)
    } catch (err) {
      if (err instanceof WechatPayRefused && err.code === 'ORDERPAID') {
        const notice = paidNotice(await wechatPay.query(row.order_id, log))
        if (notice) await paid(row, notice, log)
        return
      }
      if (!(err instanceof WechatPayRefused && err.code === 'ORDER_NOT_EXIST')) throw refusedAsUnavailable(err)
    }
    if (await markClosed(db, row.order_id)) await setRecordStatus(db, row.order_id, 'cancelled')
  }

  /** A refusal the citizen cannot act on is the payment service failing, not their request. */
  const refusedAsUnavailable = (err: unknown) =>
    err instanceof WechatPayRefused ? new HttpError(502, 'AGENCY_UNAVAILABLE', 'WeChat Pay refused the request / 支付服务暂时无法办理，请稍后重试') : err

  /** The order's time_expire: RFC 3339 in China time, as WeChat Pay documents it. */
  const timeExpire = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19) + '+08:00'

  /** Creates the JSAPI order at WeChat Pay (the same out_trade_no and details answer the same prepay_id) and signs the requestPayment parameters. */
  async function createAtAgency(row: PaymentRow, log: FastifyBaseLogger): Promise<StoredPrepay> {
    const expiresMs = new Date(row.created_at).getTime() + PAYMENT_WINDOW_MS
    const openid = await payerOpenid(deps, row.citizen_id)
    const prepayId = await wechatPay
      .jsapi(
        {
          description: row.description,
          out_trade_no: row.order_id,
          time_expire: timeExpire(expiresMs),
          notify_url: `${deps.links.publicUrl()}${WECHATPAY_NOTIFY_PATH}`,
          amount: { total: Number(row.amount_fen), currency: 'CNY' },
          payer: { openid },
        },
        log,
      )
      .catch((err: unknown) => {
        throw refusedAsUnavailable(err)
      })
    const { merchant } = wechatPay
    return { prepayId, expiresAt: new Date(expiresMs).toISOString(), payParams: requestPaymentParams(merchant.appid, prepayId, merchant.privateKey, Math.floor(Date.now() / 1000)) }
  }

  /**
   * The payment agency has no order for an open payment (a crash before
   * createOrder, or the agency lost it): made again while the citizen could
   * still pay it, else closed with its record cancelled.
   */
  async function reissue(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentRow> {
    if (Date.now() - new Date(row.created_at).getTime() < PAYMENT_WINDOW_MS) {
      const prepay = await createAtAgency(row, log)
      return row.prepay ? replacePrepay(db, row.order_id, prepay) : setPrepay(db, row.order_id, prepay)
    }
    if (await markClosed(db, row.order_id)) await setRecordStatus(db, row.order_id, 'cancelled')
    return reload(row.order_id)
  }

  async function sweep(log: FastifyBaseLogger): Promise<void> {
    // Twice an agency call's timeout: a request still opening or finishing a payment is left to do it.
    for (const row of await needingReconciliation(db, 2 * timeoutMs)) {
      try {
        if (row.status === 'created' && !row.prepay) await reissue(row, log)
        else await refresh(row, log)
      } catch (err) {
        log.warn({ orderId: row.order_id, code: (err as HttpError).code }, 'could not reconcile a payment; retried on the next sweep')
      }
    }
  }

  async function open(req: PaymentRequest, log: FastifyBaseLogger) {
    // A kind nobody fulfils could be paid but never delivered: refuse it before anything is charged.
    if (!fulfillers[req.subject.kind]) throw new Error(`no fulfiller for payments of kind ${req.subject.kind}`)
    const orderId = `oc${Date.now().toString(36)}${randomBytes(9).toString('base64url')}`
    let { row, created } = await insertOrFindOpen(db, { ...req, subject: formatSubject(req.subject), orderId, payAgencyId: `wechatpay-${wechatPay.merchant.mchid}` }).catch(
      (err: unknown) => {
        throw err instanceof SubjectTaken
          ? new HttpError(409, 'ALREADY_PAID', 'This is being paid or was paid through another service / 该事项已在其他服务中发起缴款或已缴款，无需重复缴款，可在我的支付中查看')
          : err
      },
    )
    if (!created && row.citizen_id !== req.citizenId) {
      throw new HttpError(409, 'PAYMENT_IN_PROGRESS', 'Someone else is paying this already / 该笔缴款已由他人发起，请稍后刷新查看')
    }
    if (row.status === 'created' && row.prepay && Date.parse(row.prepay.expiresAt) <= Date.now()) {
      // Expired unpaid: confirm with the agency, then start afresh.
      const now = await refresh(row, log)
      if (now.status === 'closed') return open(req, log)
    }
    // Also for an open one found again: a crash between inserting a payment and its record left it without one (the record is one per ref).
    if (created || row.status === 'created') await addRecord(db, { citizenId: req.citizenId, serviceId: req.serviceId, what: req.what, status: 'pending', amountFen: req.amountFen, ref: row.order_id })
    // Every concurrent caller may get here for the same order: createOrder is idempotent by orderId.
    if (!row.prepay) row = await setPrepay(db, row.order_id, await createAtAgency(row, log))
    return { payment: view(row), created }
  }

  async function refund(row: PaymentRow, reason: string, log: FastifyBaseLogger): Promise<PaymentRow> {
    if (row.status === 'refunded') return row
    if (row.status !== 'paid' && row.status !== 'done') throw new Error(`refund of a ${row.status} payment ${row.order_id}`)
    // One out_refund_no per order, the same on every retry: WeChat Pay refunds it once.
    const refundId = `${row.order_id}-r`
    const amountFen = Number(row.amount_fen)
    const result = await wechatPay.refund({ outTradeNo: row.order_id, outRefundNo: refundId, refundFen: amountFen, totalFen: amountFen, reason }, log).catch((err: unknown) => {
      throw refusedAsUnavailable(err)
    })
    if (result.status !== 'SUCCESS' && result.status !== 'PROCESSING') {
      throw new HttpError(502, 'AGENCY_UNAVAILABLE', 'WeChat Pay did not take the refund / 退款暂时无法办理，请稍后重试')
    }
    // PROCESSING: WeChat Pay has accepted it and pays it back to the wallet; it cannot fail for a paid order of ours.
    if (await markRefunded(db, row.order_id, refundId, result.success_time ?? result.create_time ?? new Date().toISOString())) {
      await addRecord(db, { citizenId: row.citizen_id, serviceId: row.service_id, what: `退款：${row.description}（${reason}）`, status: 'done', amountFen, ref: refundId })
    }
    await notifyCaseChange(deps, { ref: refundId, state: 'refunded' })
    return reload(row.order_id)
  }

  const findOpen = (serviceId: string, subject: PaymentSubject) => findOpenPayment(db, serviceId, formatSubject(subject))
  const findOpenElsewhere = (serviceId: string, subject: PaymentSubject) => findOpenPaymentElsewhere(db, serviceId, formatSubject(subject))

  async function ofCitizen(citizenId: string, orderId: string): Promise<PaymentRow> {
    const row = await findPayment(db, orderId)
    if (!row || row.citizen_id !== citizenId) throw new HttpError(404, 'PAYMENT_NOT_FOUND', 'No such payment / 未找到该笔支付')
    return row
  }

  async function simulatePay(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentT> {
    if (row.status === 'created') {
      // Outside v3: the simulated wallet's confirm button. WeChat Pay answers after it sent the notification.
      try {
        await wechatPay.simulatePay(row.order_id, log)
      } catch (err) {
        if (err instanceof WechatPayRefused && err.code === 'ORDER_CLOSED') throw new HttpError(409, 'ORDER_CLOSED', 'The order expired unpaid / 订单已超时关闭，请重新发起缴款')
        throw refusedAsUnavailable(err)
      }
    }
    return refresh(await reload(row.order_id), log)
  }

  function openNotification(headers: Record<string, string | string[] | undefined>, rawBody: string, log: FastifyBaseLogger): TransactionT {
    const { merchant } = wechatPay
    const verified = verifyWechatpay(headers, rawBody, merchant.wechatpayKeys, Math.floor(Date.now() / 1000))
    if (!verified.ok) {
      log.warn({ reason: verified.reason }, 'WeChat Pay notification refused')
      throw new HttpError(401, NOTIFY_REFUSALS[verified.reason], 'The notification is not signed by WeChat Pay / 通知签名无效')
    }
    let envelope: unknown
    try {
      envelope = JSON.parse(rawBody)
    } catch {
      throw new HttpError(400, 'INVALID_JSON', 'The body is not valid JSON / 请求体不是合法的 JSON')
    }
    if (!Value.Check(Notification, envelope)) throw new HttpError(400, 'VALIDATION_FAILED', 'Not a WeChat Pay notification / 通知内容不正确')
    let tx: unknown
    try {
      tx = JSON.parse(decryptResource(envelope.resource, merchant.apiV3Key))
    } catch {
      log.warn({ reason: 'undecryptable' }, 'WeChat Pay notification refused')
      throw new HttpError(400, 'RESOURCE_UNDECRYPTABLE', 'The resource does not decrypt with the APIv3 key / 通知内容无法解密')
    }
    if (!Value.Check(Transaction, tx)) throw new HttpError(400, 'VALIDATION_FAILED', 'Not a transaction / 通知内容不正确')
    return tx
  }

  async function notified(tx: TransactionT, log: FastifyBaseLogger): Promise<void> {
    const { merchant } = wechatPay
    if (tx.mchid !== merchant.mchid || tx.appid !== merchant.appid) throw new HttpError(422, 'MERCHANT_MISMATCH', 'Not an order of this merchant / 非本商户订单')
    const row = await findPayment(db, tx.out_trade_no)
    if (!row) throw new HttpError(404, 'ORDER_NOT_FOUND', `No order ${tx.out_trade_no} / 未找到该订单`)
    const notice = paidNotice(tx)
    // Another event of an order (not a payment): nothing to record.
    if (!notice) return
    if (Number(row.amount_fen) !== notice.amountFen) {
      log.error({ orderId: tx.out_trade_no }, 'payment notification with another amount than the order; not recorded')
      throw new HttpError(422, 'AMOUNT_MISMATCH', 'The amount differs from the order / 金额与订单不符')
    }
    const now = await recordPaid(row, notice, log)
    // WeChat Pay wants its answer within 5 s: telling the service's agency (up to its own timeout) happens after.
    if (now.status === 'paid') {
      setImmediate(() => {
        finish(now, log).catch((err: unknown) => log.warn({ orderId: now.order_id, err: (err as Error).message }, 'fulfilment after a notification failed; the sweep retries'))
      })
    }
  }

  async function close(row: PaymentRow, log: FastifyBaseLogger): Promise<PaymentRow> {
    if (row.status === 'created') {
      const now = await refresh(row, log)
      // 关单 at WeChat Pay first: the wallet can no longer pay it either.
      if (now.status === 'created') {
        const current = await reload(row.order_id)
        if (current.prepay) await closeAtWechatPay(current, log)
        else if (await markClosed(db, row.order_id)) await setRecordStatus(db, row.order_id, 'cancelled')
      }
    }
    const after = await reload(row.order_id)
    if (after.status !== 'closed') throw new HttpError(409, 'PAYMENT_NOT_OPEN', 'The order is paid already / 该订单已支付，不能关闭；如需退款请在对应服务中办理')
    return after
  }

  const find = (orderId: string) => findPayment(db, orderId)
  return { open, close, refresh, paid, view, findOpen, findOpenElsewhere, find, ofCitizen, simulatePay, openNotification, notified, refund, sweep }
}
