import type { BookingRulesT } from '../api/hospital'

/** How a hospital's cancel rule is written (hospital@1): hours before the slot, or a time of day some days before. */
export type CancelRule = BookingRulesT['cancelRule']

// "前一天", "前两天": how people say it; the contract caps daysBefore at 7.
const DAY_COUNTS = ['', '一', '两', '三', '四', '五', '六', '七']

/** How far ahead numbers can be booked: "可预约 7 天内号源" (today counts as one of them). */
export function bookingWindowText(rules: Pick<BookingRulesT, 'windowDays'>): string {
  return rules.windowDays <= 1 ? '仅可预约当天号源' : `可预约 ${rules.windowDays} 天内号源`
}

/** When new numbers appear: "每日 08:00 放号". */
export function releaseRuleText(rules: Pick<BookingRulesT, 'releaseTime'>): string {
  return `每日 ${rules.releaseTime} 放号`
}

/** Until when an appointment can be cancelled: "就诊前一天 17:00 前可取消/退号", "就诊开始 2 小时前可取消/退号". */
export function cancelRuleText(rule: CancelRule): string {
  if ('hoursBefore' in rule) return rule.hoursBefore === 0 ? '就诊开始前可取消/退号' : `就诊开始 ${rule.hoursBefore} 小时前可取消/退号`
  const days = DAY_COUNTS[rule.daysBefore] ?? String(rule.daysBefore)
  return `就诊前${days}天 ${rule.at} 前可取消/退号`
}

/** Whether clinics open on public holidays; make-up workdays (调休) always follow the weekday timetable. */
export function holidayRuleText(rules: Pick<BookingRulesT, 'holidayClinics'>): string {
  return rules.holidayClinics ? '法定节假日门诊照常开放' : '法定节假日门诊停诊，调休上班日正常出诊'
}

/** One line for a campus card: "可预约 7 天内号源 · 每日 08:00 放号 · 就诊前一天 17:00 前可取消/退号". */
export function bookingRulesSummary(rules: BookingRulesT): string {
  return [bookingWindowText(rules), releaseRuleText(rules), cancelRuleText(rules.cancelRule)].join(' · ')
}

export interface RuleLine {
  label: string
  text: string
}

/** The rules a citizen agrees to before booking, one line each, in the order they matter. */
export function bookingRuleLines(rules: BookingRulesT): RuleLine[] {
  const farthest = rules.windowDays <= 1 ? '当天' : `第 ${rules.windowDays} 天`
  return [
    { label: '预约范围', text: rules.windowDays <= 1 ? '仅可预约当天的号源' : `可预约今天起 ${rules.windowDays} 天内（含今天）的号源` },
    { label: '放号时间', text: `每日 ${rules.releaseTime} 放出${farthest}的号源` },
    { label: '取消/退号', text: `${cancelRuleText(rules.cancelRule)}，已付挂号费原路退回；逾期不能在线取消` },
    { label: '节假日', text: holidayRuleText(rules) },
  ]
}
