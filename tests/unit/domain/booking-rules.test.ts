import { describe, expect, it } from 'vitest'
import type { BookingRulesT } from '../../../src/api/hospital'
import {
  bookingRuleLines,
  bookingRulesSummary,
  bookingWindowText,
  cancelRuleText,
  holidayRuleText,
  releaseRuleText,
} from '../../../src/domain/booking-rules'

const RULES: BookingRulesT = { windowDays: 7, releaseTime: '08:00', cancelRule: { daysBefore: 1, at: '17:00' }, holidayClinics: false }

describe('booking rules', () => {
  it('sums a campus up in one line', () => {
    expect(bookingRulesSummary(RULES)).toBe('可预约 7 天内号源 · 每日 08:00 放号 · 就诊前一天 17:00 前可取消/退号')
    expect(bookingRulesSummary({ windowDays: 14, releaseTime: '15:00', cancelRule: { hoursBefore: 2 }, holidayClinics: true })).toBe(
      '可预约 14 天内号源 · 每日 15:00 放号 · 就诊开始 2 小时前可取消/退号',
    )
  })

  it('says every form of cancel rule', () => {
    expect(cancelRuleText({ hoursBefore: 0 })).toBe('就诊开始前可取消/退号')
    expect(cancelRuleText({ hoursBefore: 1 })).toBe('就诊开始 1 小时前可取消/退号')
    expect(cancelRuleText({ hoursBefore: 24 })).toBe('就诊开始 24 小时前可取消/退号')
    expect(cancelRuleText({ hoursBefore: 168 })).toBe('就诊开始 168 小时前可取消/退号')
    expect(cancelRuleText({ daysBefore: 1, at: '17:00' })).toBe('就诊前一天 17:00 前可取消/退号')
    expect(cancelRuleText({ daysBefore: 2, at: '12:00' })).toBe('就诊前两天 12:00 前可取消/退号')
    expect(cancelRuleText({ daysBefore: 3, at: '00:00' })).toBe('就诊前三天 00:00 前可取消/退号')
    expect(cancelRuleText({ daysBefore: 7, at: '23:59' })).toBe('就诊前七天 23:59 前可取消/退号')
  })

  it('says a window of one day as 当天', () => {
    expect(bookingWindowText({ windowDays: 1 })).toBe('仅可预约当天号源')
    expect(bookingWindowText({ windowDays: 90 })).toBe('可预约 90 天内号源')
    expect(bookingRuleLines({ ...RULES, windowDays: 1 })[1]).toEqual({ label: '放号时间', text: '每日 08:00 放出当天的号源' })
  })

  it('says the release time and holiday clinics', () => {
    expect(releaseRuleText({ releaseTime: '07:30' })).toBe('每日 07:30 放号')
    expect(holidayRuleText({ holidayClinics: true })).toBe('法定节假日门诊照常开放')
    expect(holidayRuleText({ holidayClinics: false })).toContain('调休上班日正常出诊')
  })

  it('lists the rules to read before booking', () => {
    expect(bookingRuleLines(RULES)).toEqual([
      { label: '预约范围', text: '可预约今天起 7 天内（含今天）的号源' },
      { label: '放号时间', text: '每日 08:00 放出第 7 天的号源' },
      { label: '取消/退号', text: '就诊前一天 17:00 前可取消/退号，已付挂号费原路退回；逾期不能在线取消' },
      { label: '节假日', text: '法定节假日门诊停诊，调休上班日正常出诊' },
    ])
  })
})
