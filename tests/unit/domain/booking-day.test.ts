import { describe, expect, it } from 'vitest'
import { describeBookingDay, firstBookableDate, type BookingDay } from '../../../src/domain/booking-day'

const NOW = new Date('2026-09-29T01:00:00Z') // 09:00 on Tuesday 29 September in China

function day(overrides: Partial<BookingDay>): BookingDay {
  return { date: '2026-09-29', dayType: 'workday', released: true, releaseAt: '2026-09-23T00:00:00.000Z', remaining: 12, status: 'bookable', bookable: true, ...overrides }
}

describe('date strip', () => {
  it('shows a bookable day with 今天 and the numbers left', () => {
    expect(describeBookingDay(day({}), NOW)).toEqual({
      date: '2026-09-29',
      top: '今天',
      day: '09-29',
      note: '余 12',
      mark: undefined,
      bookable: true,
      reason: '',
      label: '2026年9月29日 周二，余 12',
    })
  })

  it('greys a public holiday with its name and the hospital reason', () => {
    const chip = describeBookingDay(day({ date: '2026-10-01', dayType: 'holiday', holidayName: '国庆节', reason: '国庆节假期门诊停诊', remaining: 0, status: 'holiday-closed', bookable: false }), NOW)
    expect(chip).toMatchObject({ top: '周四', note: '国庆节', mark: '休', bookable: false, reason: '国庆节假期门诊停诊' })
    expect(chip.label).toBe('2026年10月1日 周四，国庆节，不可预约：国庆节假期门诊停诊')
  })

  it('keeps a holiday with clinics bookable, marked 休', () => {
    const chip = describeBookingDay(day({ date: '2026-10-02', dayType: 'holiday', holidayName: '国庆节', remaining: 5 }), NOW)
    expect(chip).toMatchObject({ note: '余 5', mark: '休', bookable: true })
  })

  it('marks a make-up workday 班 and books it as usual', () => {
    const chip = describeBookingDay(day({ date: '2026-10-10', dayType: 'makeup-workday', holidayName: '国庆节', remaining: 30 }), NOW)
    expect(chip).toMatchObject({ top: '周六', note: '余 30', mark: '班', bookable: true })
    expect(chip.label).toContain('调休上班')
  })

  it('says when an unreleased day opens', () => {
    const chip = describeBookingDay(
      day({ date: '2026-10-05', released: false, releaseAt: '2026-09-29T00:00:00.000Z', reason: '9月29日 08:00 放号', remaining: 0, status: 'not-released', bookable: false }),
      new Date('2026-09-28T23:30:00Z'),
    )
    expect(chip).toMatchObject({ note: '08:00 放号', bookable: false, reason: '9月29日 08:00 放号' })
    const tomorrow = describeBookingDay(day({ released: false, releaseAt: '2026-09-30T00:00:00.000Z', remaining: 0, status: 'not-released', bookable: false }), NOW)
    expect(tomorrow.note).toBe('明天 08:00 放号')
    expect(tomorrow.reason).toBe('明天 08:00 放号')
  })

  it('says 约满, 休, 已过 and 停诊 for released days without numbers', () => {
    expect(describeBookingDay(day({ remaining: 0, status: 'full', bookable: false, reason: '号源已约满' }), NOW).note).toBe('约满')
    expect(describeBookingDay(day({ remaining: 0, status: 'full', bookable: false }), NOW)).toMatchObject({ note: '约满', reason: '号源已约满' })
    expect(describeBookingDay(day({ date: '2026-10-03', dayType: 'weekend', remaining: 0, status: 'no-clinic', bookable: false, reason: '当日无门诊' }), NOW).note).toBe('休')
    expect(describeBookingDay(day({ remaining: 0, status: 'passed', bookable: false, reason: '当日门诊时段已过' }), NOW).note).toBe('已过')
    expect(describeBookingDay(day({ remaining: 0, status: 'no-clinic', bookable: false, reason: '医生当日不出诊' }), NOW)).toMatchObject({ note: '停诊', reason: '医生当日不出诊' })
  })

  it('starts on the asked-for date while it is bookable, else the first bookable one', () => {
    const days = [day({ bookable: false, remaining: 0 }), day({ date: '2026-09-30' }), day({ date: '2026-10-01', bookable: false })]
    expect(firstBookableDate(days)).toBe('2026-09-30')
    expect(firstBookableDate(days, '2026-10-01')).toBe('2026-09-30')
    expect(firstBookableDate(days, '2026-09-30')).toBe('2026-09-30')
    expect(firstBookableDate([day({ bookable: false })])).toBeUndefined()
  })
})
