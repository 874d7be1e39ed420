import { describe, expect, it } from 'vitest'
import { appointmentStatusLabel, appointmentStatusTone, isAwaitingVisit, splitAppointments } from '../../../src/domain/appointment-status'

describe('appointment status', () => {
  it('says where an appointment stands', () => {
    expect(appointmentStatusLabel({ status: 'awaiting-payment', upcoming: true })).toBe('待支付')
    expect(appointmentStatusLabel({ status: 'booked', upcoming: true })).toBe('预约成功')
    expect(appointmentStatusLabel({ status: 'booked', upcoming: false })).toBe('已过就诊时间')
    expect(appointmentStatusLabel({ status: 'cancelled', cancelReason: 'citizen', upcoming: true })).toBe('已取消')
    expect(appointmentStatusLabel({ status: 'cancelled', cancelReason: 'unpaid', upcoming: true })).toBe('已取消（未按时支付）')
    expect(appointmentStatusTone({ status: 'awaiting-payment', upcoming: true })).toBe('pending')
    expect(appointmentStatusTone({ status: 'booked', upcoming: true })).toBe('done')
    expect(appointmentStatusTone({ status: 'booked', upcoming: false })).toBe('cancelled')
  })

  it('splits 待就诊 from 历史, keeping the order', () => {
    const list = [
      { id: 'a', status: 'booked' as const, upcoming: true },
      { id: 'b', status: 'cancelled' as const, upcoming: true },
      { id: 'c', status: 'awaiting-payment' as const, upcoming: true },
      { id: 'd', status: 'booked' as const, upcoming: false },
    ]
    const { upcoming, history } = splitAppointments(list)
    expect(upcoming.map((a) => a.id)).toEqual(['a', 'c'])
    expect(history.map((a) => a.id)).toEqual(['b', 'd'])
    expect(isAwaitingVisit({ status: 'cancelled', upcoming: true })).toBe(false)
  })
})
