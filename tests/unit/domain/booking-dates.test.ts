import { afterEach, describe, expect, it } from 'vitest'
import {
  chinaClockText,
  chinaDateOf,
  chinaMomentText,
  daysFromToday,
  halfDayOf,
  relativeDayLabel,
  releaseText,
  shortDateLabel,
  visitDateText,
  visitTimeText,
  weekdayLabel,
} from '../../../src/domain/booking-dates'

// 2026-11-20 is a Friday. 23:30 UTC on the 20th is already 07:30 on Saturday the 21st in China.
const FRIDAY_NOON_CHINA = new Date('2026-11-20T04:00:00Z')
const SATURDAY_EARLY_CHINA = new Date('2026-11-20T23:30:00Z')

describe('booking dates', () => {
  const deviceZone = process.env.TZ
  afterEach(() => {
    process.env.TZ = deviceZone
  })

  it('names the weekday of a calendar date', () => {
    expect(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'].map(weekdayLabel)).toEqual([
      '周一',
      '周二',
      '周三',
      '周四',
      '周五',
      '周六',
      '周日',
    ])
    expect(weekdayLabel('2024-02-29')).toBe('周四')
  })

  it('says 今天 and 明天 by the China calendar, else the weekday', () => {
    expect(relativeDayLabel('2026-11-20', FRIDAY_NOON_CHINA)).toBe('今天')
    expect(relativeDayLabel('2026-11-21', FRIDAY_NOON_CHINA)).toBe('明天')
    expect(relativeDayLabel('2026-11-22', FRIDAY_NOON_CHINA)).toBe('周日')
    expect(relativeDayLabel('2026-11-19', FRIDAY_NOON_CHINA)).toBe('周四')
  })

  it('moves to the next day at 23:30 UTC, when China is already at 07:30', () => {
    expect(chinaDateOf(SATURDAY_EARLY_CHINA)).toBe('2026-11-21')
    expect(relativeDayLabel('2026-11-21', SATURDAY_EARLY_CHINA)).toBe('今天')
    expect(relativeDayLabel('2026-11-22', SATURDAY_EARLY_CHINA)).toBe('明天')
    expect(daysFromToday('2026-11-20', SATURDAY_EARLY_CHINA)).toBe(-1)
    expect(chinaMomentText('2026-11-20T23:30:00Z')).toBe('2026年11月21日 周六 07:30')
    expect(chinaMomentText('2026-11-20T15:59:00Z')).toBe('2026年11月20日 周五 23:59')
  })

  it('reads the same on a phone set to another time zone', () => {
    process.env.TZ = 'America/Los_Angeles'
    expect(chinaDateOf(SATURDAY_EARLY_CHINA)).toBe('2026-11-21')
    expect(weekdayLabel('2026-11-21')).toBe('周六')
    expect(relativeDayLabel('2026-11-22', SATURDAY_EARLY_CHINA)).toBe('明天')
    expect(chinaMomentText('2026-11-20T09:00:00.000Z')).toBe('2026年11月20日 周五 17:00')
    process.env.TZ = 'UTC'
    expect(visitDateText('2026-11-21')).toBe('2026年11月21日 周六')
  })

  it('crosses months and years', () => {
    expect(daysFromToday('2027-01-01', new Date('2026-12-31T04:00:00Z'))).toBe(1)
    expect(relativeDayLabel('2027-01-01', new Date('2026-12-31T16:00:00Z'))).toBe('今天')
    expect(shortDateLabel('2027-01-01')).toBe('01-01')
  })

  it('formats a visit with its weekday and time', () => {
    expect(visitDateText('2026-10-01')).toBe('2026年10月1日 周四')
    expect(visitTimeText('2026-11-21', '08:00', '08:30')).toBe('2026年11月21日 周六 08:00–08:30')
  })

  it('says when numbers are released', () => {
    expect(chinaClockText('2026-11-20T00:00:00Z')).toBe('08:00')
    expect(releaseText('2026-11-20T00:00:00Z', new Date('2026-11-19T23:00:00Z'))).toBe('08:00 放号')
    expect(releaseText('2026-11-21T00:00:00Z', FRIDAY_NOON_CHINA)).toBe('明天 08:00 放号')
    expect(releaseText('2026-11-25T07:00:00Z', FRIDAY_NOON_CHINA)).toBe('11-25 15:00 放号')
  })

  it('puts slots in 上午, 下午 or 晚上', () => {
    expect(halfDayOf('08:00')).toBe('上午')
    expect(halfDayOf('11:59')).toBe('上午')
    expect(halfDayOf('12:00')).toBe('下午')
    expect(halfDayOf('17:30')).toBe('下午')
    expect(halfDayOf('18:00')).toBe('晚上')
  })

  it('returns unreadable instants unchanged', () => {
    expect(chinaMomentText('soon')).toBe('soon')
    expect(chinaClockText('')).toBe('')
  })
})
