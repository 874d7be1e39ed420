import { describe, expect, it } from 'vitest'
import { MY_PAYMENT_STATE_LABELS, myPaymentItemKind, myPaymentState } from '../../../src/domain/my-payment'

const now = new Date('2026-12-07T10:00:00+08:00')
const later = new Date('2026-12-07T10:30:00+08:00')
const earlier = new Date('2026-12-07T09:30:00+08:00')

describe('myPaymentState', () => {
  it('maps the internal states to 待支付 / 已支付 / 已退款 / 已关闭', () => {
    expect(MY_PAYMENT_STATE_LABELS[myPaymentState('created', later, now)]).toBe('待支付')
    expect(MY_PAYMENT_STATE_LABELS[myPaymentState('paid', later, now)]).toBe('已支付')
    expect(MY_PAYMENT_STATE_LABELS[myPaymentState('done', earlier, now)]).toBe('已支付')
    expect(MY_PAYMENT_STATE_LABELS[myPaymentState('refunded', earlier, now)]).toBe('已退款')
    expect(MY_PAYMENT_STATE_LABELS[myPaymentState('closed', later, now)]).toBe('已关闭')
  })

  it('an unpaid order past its expiry is closed before the sweep closes it', () => {
    expect(myPaymentState('created', earlier, now)).toBe('closed')
    expect(myPaymentState('created', now, now)).toBe('closed')
  })
})

describe('myPaymentItemKind', () => {
  it('names what each kind of subject paid for', () => {
    expect(myPaymentItemKind('violation')).toBe('fine')
    expect(myPaymentItemKind('appointment')).toBe('registration')
    expect(myPaymentItemKind('bills')).toBe('bill')
    expect(myPaymentItemKind('topup')).toBe('top-up')
    expect(myPaymentItemKind('parking')).toBe('other')
  })
})
