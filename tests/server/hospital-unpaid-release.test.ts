import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatesT, DayScheduleT } from '../../server/modules/hospital/schemas'
import { type CitizenPlatform, startCitizenPlatform } from './citizen-platform'

const ME = { name: '张伟', idNumber: '510603199003071238' }
let p: CitizenPlatform

beforeAll(async () => {
  // Unpaid orders close after 1.2 s at the simulated payment agency; the platform sweeps every second.
  p = await startCitizenPlatform({ bookingSweepSeconds: 1 }, { paymentOrderTtlMinutes: 0.02 })
}, 60_000)
afterAll(() => p?.stop())

describe('a booking whose fee is not paid in time', () => {
  it('is released at the hospital by the sweep: cancelled (unpaid), the number back, the record cancelled, nothing refunded', async () => {
    const c = await p.citizen()
    expect((await c.call('POST', '/v1/me/identity', ME)).statusCode).toBe(200)
    const patientId = (await c.call('GET', '/v1/me/patients')).json().patients[0].id
    const base = '/v1/services/deyang-hospital/hospitals/tcm'
    // A date a few days out, so the cancel deadline is far away.
    const { dates } = (await c.call('GET', `${base}/dates?departmentId=cardiology`)).json() as DatesT
    const date = dates.filter((d) => d.bookable).at(-1)!.date
    const slotsNow = async () => ((await c.call('GET', `${base}/schedule?date=${date}&departmentId=cardiology`)).json() as DayScheduleT).slots
    const slot = (await slotsNow()).find((s) => s.status === 'available')!

    const booked = await c.call('POST', '/v1/services/deyang-hospital/appointments', { slotId: slot.id, patientId, idempotencyKey: 'unpaid-release-0001' })
    expect(booked.statusCode).toBe(201)
    const { appointment, payment } = booked.json()
    expect((await slotsNow()).find((s) => s.id === slot.id)!.remaining).toBe(slot.remaining - 1)

    // Nobody looks at it: only the sweep can give the number back.
    let row: { status: string; cancel_reason: string | null } | undefined
    for (let i = 0; i < 40 && row?.status !== 'cancelled'; i++) {
      await sleep(250)
      ;[row] = await p.db.query<{ status: string; cancel_reason: string | null }>('SELECT status, cancel_reason FROM appointments WHERE id = $1', [appointment.id])
    }
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'unpaid' })
    expect((await slotsNow()).find((s) => s.id === slot.id)!.remaining).toBe(slot.remaining)
    const view = (await c.call('GET', `/v1/me/appointments/${appointment.id}`)).json()
    expect(view.appointment).toMatchObject({ status: 'cancelled', cancelReason: 'unpaid', cancellable: false })
    expect(view.appointment.refund).toBeUndefined()
    expect(view.payment.status).toBe('closed')
    expect((await c.call('GET', '/v1/me/records')).json().records).toEqual([expect.objectContaining({ ref: payment.orderId, status: 'cancelled' })])
  }, 30_000)
})
