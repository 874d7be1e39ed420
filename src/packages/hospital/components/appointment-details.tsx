import type { AppointmentViewT } from '../../../api/hospital'
import { DetailList, type DetailRow } from '../../../components/detail-list'
import { appointmentStatusLabel } from '../../../domain/appointment-status'
import { chinaMomentText, visitTimeText } from '../../../domain/booking-dates'
import { formatPrice } from '../../../domain/money'

/** Every fact of an appointment: where, with whom, when (with weekday), 就诊序号, 就诊卡号, who (masked), fee, refund and the cancel deadline. */
export function AppointmentDetails({ appointment: a }: { appointment: AppointmentViewT }) {
  const rows: DetailRow[] = [
    { label: '状态', value: appointmentStatusLabel(a), strong: true },
    { label: '医院', value: a.hospitalName },
    { label: '科室', value: a.departmentName },
    { label: '医生', value: `${a.doctorName} ${a.doctorTitle}` },
    { label: '就诊时间', value: visitTimeText(a.date, a.start, a.end) },
    { label: '就诊序号', value: `第 ${a.queueNo} 号` },
    { label: '就诊人', value: `${a.patient.name} ${a.patient.idNumber}` },
    { label: '就诊卡号', value: a.visitCardNo },
    { label: '预约号', value: a.appointmentNo },
    { label: '挂号费', value: formatPrice(a.feeFen) },
  ]
  if (a.refund) rows.push({ label: '退款', value: `已退款 ${formatPrice(a.refund.amountFen)}（${chinaMomentText(a.refund.refundedAt)}）`, strong: true })
  if (a.status === 'cancelled' && a.cancelledAt) rows.push({ label: '取消时间', value: chinaMomentText(a.cancelledAt) })
  if (a.status !== 'cancelled') rows.push({ label: '取消截止', value: `${chinaMomentText(a.cancelDeadline)} 前` })
  return <DetailList rows={rows} />
}
