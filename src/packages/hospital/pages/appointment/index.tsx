import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { AppointmentAnswerT } from '../../../../api/hospital'
import { FormAlert } from '../../../../components/form-alert'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { visitTimeText } from '../../../../domain/booking-dates'
import { formatPrice } from '../../../../domain/money'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { usePayment } from '../../../../hooks/use-payment'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { cancelAppointment, getAppointment } from '../../../../services/hospital-api'
import { showNotice } from '../../../../services/navigation'
import { ApiError, errorMessage, isTemporaryFailure } from '../../../../services/request'
import { AppointmentBanner } from '../../components/appointment-banner'
import { AppointmentDetails } from '../../components/appointment-details'
import { VisitCardCode } from '../../components/visit-card-code'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** What the citizen is told when neither WeChat Pay nor the simulated cashier is available. */
const CANNOT_PAY_MESSAGE = '当前环境无法完成支付，请在微信中打开本服务支付挂号费'

interface Problem {
  message: string
  /** What to do again after 重试. */
  retry?: () => void
}

async function confirmCancel({ appointment: a, payment }: AppointmentAnswerT): Promise<boolean> {
  const paid = payment?.status === 'paid' || payment?.status === 'done'
  const { confirm } = await Taro.showModal({
    title: '取消预约',
    content: `确定取消 ${visitTimeText(a.date, a.start, a.end)} ${a.departmentName}的预约？${paid ? `挂号费 ${formatPrice(a.feeFen)} 将原路退回。` : ''}`,
    confirmText: '取消预约',
    // $color-danger: a destructive choice, readable on white (Taro's default green is neither).
    confirmColor: '#c0392b',
    cancelText: '暂不取消',
  })
  return confirm
}

/**
 * 预约详情: status, where and when, 就诊序号 and 就诊卡号, the fee (and its
 * refund), the cancel deadline; 去支付 while the fee is unpaid, 取消预约
 * while the hospital's rule allows it.
 */
export default function AppointmentPage() {
  const pageClass = usePageClass('page appointment')
  const { id } = useRouteParams('id')
  const view = useRemote(() => getAppointment(id), [id])
  // Back from the cashier (or anywhere): the status may have moved on.
  usePageReturn(view.reload)
  // Back from the wallet or the cashier, paid or not: the appointment says which.
  const fee = usePayment({ cannotPayMessage: CANNOT_PAY_MESSAGE, onDone: view.reload })
  // The cancel answer is the appointment's final state: shown as it is, no need to ask again.
  const [cancelled, setCancelled] = useState<AppointmentAnswerT | null>(null)
  const [cancelling, setCancelling] = useState(false)
  const [problem, setProblem] = useState<Problem | null>(null)
  const running = useRef(false)
  const busy = fee.paying ? 'pay' : cancelling ? 'cancel' : null

  const startPay = (answer: AppointmentAnswerT) => {
    if (running.current || !answer.payment) return
    setProblem(null)
    fee.payWith(answer.payment)
  }

  // Asked before anything looks busy: the page behind the question stays as it was if the citizen says 暂不取消.
  const cancel = async (answer: AppointmentAnswerT) => {
    if (running.current || fee.paying || !(await confirmCancel(answer))) return
    running.current = true
    setCancelling(true)
    setProblem(null)
    try {
      setCancelled(await cancelAppointment(answer.appointment.id))
      showNotice('已取消预约')
    } catch (error) {
      // Past the deadline (or cancelled elsewhere): the appointment as it now stands, with the rule's message.
      if (error instanceof ApiError && error.code === 'CANCEL_DEADLINE_PASSED') view.reload()
      setProblem({ message: errorMessage(error), retry: isTemporaryFailure(error) ? () => void cancel(answer) : undefined })
    } finally {
      running.current = false
      setCancelling(false)
    }
  }

  const { state } = view
  const answer = cancelled ?? (state.status === 'ready' ? state.data : null)
  const a = answer?.appointment

  return (
    <View className={pageClass} role="main">
      <PageTitle>预约详情</PageTitle>
      {!cancelled && <RemoteStatus remote={view} />}
      {answer && a && (
        <>
          <AppointmentBanner answer={answer} />
          <View className="subpage-card card">
            <AppointmentDetails appointment={a} />
          </View>
          {a.status === 'booked' && a.upcoming && a.patientId && <VisitCardCode serviceId={a.serviceId} hospitalId={a.hospitalId} patientId={a.patientId} />}
          {problem && <FormAlert message={problem.message} onRetry={problem.retry} />}
          {!problem && fee.outcome?.kind === 'error' && <FormAlert message={fee.outcome.message} onRetry={fee.outcome.retryable ? () => startPay(answer) : undefined} />}
          {a.status !== 'cancelled' && a.upcoming && !a.cancellable && (
            <Text className="subpage-notice appointment__no-cancel">已过取消截止时间，不能在线取消预约。</Text>
          )}
          <View className="subpage-actions">
            {busy && (
              <View className="subpage-lead" role="status">
                {busy === 'pay' ? '正在打开支付…' : '正在取消预约…'}
              </View>
            )}
            {a.status === 'awaiting-payment' && answer.payment?.status === 'created' && (
              <Pressable className="button button--primary appointment__pay" disabled={busy !== null} onPress={() => startPay(answer)}>
                去支付 {formatPrice(a.feeFen)}
              </Pressable>
            )}
            {a.cancellable && (
              <Pressable className="button button--secondary appointment__cancel" disabled={busy !== null} onPress={() => void cancel(answer)}>
                取消预约
              </Pressable>
            )}
          </View>
        </>
      )}
    </View>
  )
}
