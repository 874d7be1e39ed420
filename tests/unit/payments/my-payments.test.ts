import { describe, expect, it } from 'vitest'
import type { MyPaymentRow } from '../../../server/modules/payments/my-payments-repository'
import { toMyPayment } from '../../../server/modules/payments/my-payments-service'
import { decodeCursor, encodeCursor } from '../../../server/modules/payments/page-cursor'

function row(over: Partial<MyPaymentRow>): MyPaymentRow {
  return {
    order_id: 'oc1abc',
    citizen_id: 'c1',
    service_id: 'chengdu-traffic',
    subject: 'violation:5101000000000001',
    description: '交通违法罚款',
    amount_fen: '20000',
    status: 'created',
    pay_agency_id: 'pay',
    prepay: null,
    expires_at: new Date('2026-12-07T02:30:00Z'),
    transaction_id: null,
    paid_at: null,
    receipt_no: null,
    refund_id: null,
    refunded_at: null,
    created_at: new Date('2026-12-07T02:00:00Z'),
    detail: '川A***45',
    service_name: '交通违法处理',
    city_name: '成都',
    created_text: '2026-12-07 10:00:00.123456+08',
    ...over,
  }
}

describe('toMyPayment', () => {
  const now = new Date('2026-12-07T02:10:00Z')

  it('a fine names its plate, masked; an open order has no paid or refund times', () => {
    expect(toMyPayment(row({}), now)).toEqual({
      orderId: 'oc1abc',
      serviceId: 'chengdu-traffic',
      serviceName: '交通违法处理',
      cityName: '成都',
      item: { kind: 'fine', name: '交通违法罚款', plate: '川A***45' },
      amountFen: 20000,
      state: 'open',
      createdAt: '2026-12-07T02:00:00.000Z',
      expiresAt: '2026-12-07T02:30:00.000Z',
    })
  })

  it('a refunded registration fee carries the refund in full and no plate', () => {
    const refunded = toMyPayment(
      row({ subject: 'appointment:a1', description: '预约挂号费', amount_fen: 2500, status: 'refunded', detail: null, paid_at: new Date('2026-12-07T02:01:00Z'), refunded_at: new Date('2026-12-07T03:00:00Z') }),
      now,
    )
    expect(refunded).toMatchObject({ item: { kind: 'registration', name: '挂号费' }, state: 'refunded', paidAt: '2026-12-07T02:01:00.000Z', refundedAt: '2026-12-07T03:00:00.000Z', refundFen: 2500 })
    expect(refunded.item).not.toHaveProperty('plate')
  })

  it('an unknown kind shows its own description', () => {
    expect(toMyPayment(row({ subject: 'parking:p1', description: '停车费', detail: null }), now).item).toEqual({ kind: 'other', name: '停车费' })
  })
})

describe('page cursor', () => {
  it('round-trips the exact page end', () => {
    const end = { createdAt: '2026-12-07 10:00:00.123456+08', orderId: 'oc1abc' }
    expect(decodeCursor(encodeCursor(end))).toEqual(end)
    expect(encodeCursor(end)).toMatch(/^[A-Za-z0-9_-]+$/)
  })

  it('refuses a cursor it did not give out with 400 BAD_CURSOR', () => {
    for (const bad of ['x', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["not a date","o"]').toString('base64url')]) {
      expect(() => decodeCursor(bad)).toThrow(expect.objectContaining({ statusCode: 400, code: 'BAD_CURSOR' }))
    }
  })
})
