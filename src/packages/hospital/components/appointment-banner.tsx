import { Text, View } from '@tarojs/components'
import type { AppointmentAnswerT } from '../../../api/hospital'
import { appointmentStatusLabel } from '../../../domain/appointment-status'
import { chinaMomentText, visitTimeText } from '../../../domain/booking-dates'
import { formatPrice } from '../../../domain/money'

/** What the appointment means for the citizen now, in a sentence under its status. */
function bannerText({ appointment: a, payment }: AppointmentAnswerT): string {
  if (a.status === 'awaiting-payment') {
    const until = payment ? `请在 ${chinaMomentText(payment.expiresAt)} 前` : '请尽快'
    return `${until}支付挂号费 ${formatPrice(a.feeFen)}，逾期未支付预约将自动取消。`
  }
  if (a.status === 'cancelled') {
    if (a.refund) return `已退款 ${formatPrice(a.refund.amountFen)}，挂号费已原路退回支付账户。`
    return a.cancelReason === 'unpaid' ? '未在规定时间内支付挂号费，预约已自动取消，号源已释放。' : '预约已取消，号源已释放。'
  }
  if (!a.upcoming) return '就诊时间已过。'
  return `请于 ${visitTimeText(a.date, a.start, a.end)} 到 ${a.hospitalName} ${a.departmentName} 就诊，就诊序号 ${a.queueNo}，凭就诊卡号 ${a.visitCardNo} 或身份证签到。`
}

/** The appointment's status as a heading (预约成功, 待支付, 已取消) with what to do next. */
export function AppointmentBanner({ answer }: { answer: AppointmentAnswerT }) {
  const a = answer.appointment
  const tone = a.status === 'awaiting-payment' ? 'pending' : a.status === 'booked' && a.upcoming ? 'done' : 'cancelled'
  return (
    <View className={`appointment-banner appointment-banner--${tone}`} role="status">
      <Text className="appointment-banner__title">{appointmentStatusLabel(a)}</Text>
      <Text className="appointment-banner__text">{bannerText(answer)}</Text>
    </View>
  )
}
