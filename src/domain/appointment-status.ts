import type { AppointmentViewT } from '../api/hospital'

type AppointmentState = Pick<AppointmentViewT, 'status' | 'cancelReason' | 'upcoming'>

/** The Chinese word for where an appointment stands. */
export function appointmentStatusLabel(a: AppointmentState): string {
  if (a.status === 'awaiting-payment') return '待支付'
  if (a.status === 'cancelled') return a.cancelReason === 'unpaid' ? '已取消（未按时支付）' : '已取消'
  return a.upcoming ? '预约成功' : '已过就诊时间'
}

/** The status-tag colour (styles/_subpage.scss); the word itself always carries the meaning. */
export function appointmentStatusTone(a: AppointmentState): 'pending' | 'done' | 'cancelled' {
  if (a.status === 'awaiting-payment') return 'pending'
  return a.status === 'booked' && a.upcoming ? 'done' : 'cancelled'
}

/** 待就诊: not cancelled and the slot has not ended yet (awaiting payment included: the number is held). */
export function isAwaitingVisit(a: AppointmentState): boolean {
  return a.status !== 'cancelled' && a.upcoming
}

/** 我的预约's two tabs: 待就诊, and 历史 (past and cancelled); each keeps the server's order (newest first). */
export function splitAppointments<A extends AppointmentState>(list: readonly A[]): { upcoming: A[]; history: A[] } {
  return { upcoming: list.filter(isAwaitingVisit), history: list.filter((a) => !isAwaitingVisit(a)) }
}
