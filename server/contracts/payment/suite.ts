import type { Static } from 'typebox'
import type { ConformanceRun } from '../conformance-run'
import { UNKNOWN } from '../suite-inputs'
import type { PaymentFixturesSchema } from './fixtures'
import type { operations } from './operations'

type Op = (typeof operations)[number]['name']

/** payment@1: an order created and read back, an unknown order, a refund of the unpaid order (nothing is refunded). */
export async function paymentSuite(run: ConformanceRun<Op>, f: Static<typeof PaymentFixturesSchema>, now: number): Promise<Op> {
  const orderId = `onecity-review-${now}`
  const body = { orderId, amountFen: f.amountFen, description: '服务质量审核测试订单', notifyUrl: 'https://onecity.example.cn/v1/payments/notify' }
  await run.good('createOrder', { body })
  await run.good('getOrder', { params: { orderId } })
  await run.rule('getOrder', { params: { orderId: UNKNOWN.order } }, { status: 404, code: 'ORDER_NOT_FOUND' }, 'getOrder of an unknown order')
  await run.rule('refund', { params: { orderId }, body: { refundId: `${orderId}-r`, amountFen: f.amountFen, reason: '审核测试' } },
    { status: 409, code: 'ORDER_NOT_PAID' }, 'refund an unpaid order (nothing is refunded)')
  return 'getOrder'
}
