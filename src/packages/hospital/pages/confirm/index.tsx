import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import type { AppointmentAnswerT } from '../../../../api/hospital'
import type { PaymentT } from '../../../../api/payments'
import { FormAlert } from '../../../../components/form-alert'
import { FormFooter } from '../../../../components/form-footer'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { Section } from '../../../../components/section'
import { ErrorView, LoadingView } from '../../../../components/status-view'
import { cancelDeadlineOf, isPastCancelDeadline } from '../../../../domain/cancel-deadline'
import { isSlotBookable, slotNote } from '../../../../domain/slot-groups'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { usePayment } from '../../../../hooks/use-payment'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getDaySchedule } from '../../../../services/hospital-api'
import { goBackOr, openPage } from '../../../../services/navigation'
import { listPatients } from '../../../../services/patient-api'
import { ApiError } from '../../../../services/request'
import { appointmentsUrl, appointmentUrl, hospitalDepartmentUrl, patientsUrl } from '../../../../services/routes'
import { BookingRulesCard } from '../../components/booking-rules-card'
import { BookingSummary } from '../../components/booking-summary'
import { IdentityNeeded } from '../../../../components/identity-needed'
import { NO_CANCEL_ACK_MISSING, NoCancelNotice } from '../../components/no-cancel-notice'
import { PatientPicker } from '../../components/patient-picker'
import { findDepartment, findHospital } from '../../hooks/hospital-lookup'
import { useBooking } from '../../hooks/use-booking'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import { useSubscriptionOffer } from '../../../../hooks/use-subscription-offer'
import { askForSubscriptionsOnTap } from '../../../../services/subscription-request'
import './index.scss'

/**
 * 确认预约: the chosen slot, the campus's rules (release, cancel) before
 * anything is booked, the 就诊人 and the fee. 确认预约 books once (however
 * often it is tapped or retried), then the cashier takes the fee and the
 * appointment takes this page's place. A booking whose cancel deadline has
 * already passed (a same-day visit) is neither booked nor paid until the
 * citizen has ticked that it cannot be cancelled; should the hospital's
 * answer say so when the phone's clock did not, the fee waits for the same tick.
 */
export default function BookingConfirmPage() {
  const pageClass = usePageClass('page booking-confirm')
  const ids = useRouteParams('service', 'hospital', 'department', 'date', 'slot', 'doctor')
  const choice = useRemote(async () => {
    const [campus, department, schedule] = await Promise.all([
      findHospital(ids.service, ids.hospital),
      findDepartment(ids.service, ids.hospital, ids.department),
      getDaySchedule(ids.service, ids.hospital, ids.date, { departmentId: ids.department, doctorId: ids.doctor || undefined }),
    ])
    return { campus, department, schedule, slot: schedule.slots.find((s) => s.id === ids.slot) }
  }, [ids])
  const patients = useRemote(listPatients, [])
  // Back from 添加就诊人 or 实名认证: the list may have grown.
  usePageReturn(patients.reload)

  const bookedId = useRef<string | null>(null)
  const [booked, setBooked] = useState(false)
  const [acknowledged, setAcknowledged] = useState(false)
  const [ackMissing, setAckMissing] = useState(false)
  // The booking's fee held back until the citizen acknowledges that the appointment cannot be cancelled.
  const [heldFee, setHeldFee] = useState<{ payment: PaymentT; deadline: string } | null>(null)
  const showAppointment = () => {
    if (bookedId.current) void Taro.redirectTo({ url: appointmentUrl(bookedId.current) })
  }
  // Paid or not, the appointment takes this page's place and says which (after the cashier: when this page shows again).
  const fee = usePayment({ onDone: showAppointment })
  const onBooked = ({ appointment, payment }: AppointmentAnswerT) => {
    bookedId.current = appointment.id
    setBooked(true)
    if (payment && !appointment.cancellable && !acknowledged) setHeldFee({ payment, deadline: appointment.cancelDeadline })
    else if (payment) fee.payWith(payment)
    else showAppointment()
  }
  const booking = useBooking({
    service: ids.service,
    slotId: ids.slot,
    where: { hospitalId: ids.hospital, departmentId: ids.department, date: ids.date },
    acknowledged,
    onBooked,
    onSlotChanged: choice.reload,
    onPatientsChanged: patients.reload,
  })

  // 本人 (always first) is chosen until the citizen picks another; a patient that disappeared is unchosen.
  useEffect(() => {
    if (patients.state.status !== 'ready') return
    const list = patients.state.data.patients
    if (!list.some((p) => p.id === booking.values.patientId)) booking.change('patientId', list[0]?.id ?? '')
  }, [patients.state])

  const backToSlots = () => goBackOr(hospitalDepartmentUrl(ids.service, ids.hospital, ids.department, ids.doctor || undefined))
  const { state } = choice
  const slot = state.status === 'ready' ? state.data.slot : undefined
  const canBook = !booked && slot !== undefined && isSlotBookable(slot) && patients.state.status === 'ready'
  const rule = state.status === 'ready' ? state.data.campus.rules.cancelRule : undefined
  const mustAcknowledge = rule && slot && (isPastCancelDeadline(rule, ids.date, slot.start) || booking.problem === 'no-cancel-ack')
  const noCancelDeadline = mustAcknowledge ? new Date(cancelDeadlineOf(rule, ids.date, slot.start)).toISOString() : undefined
  const toggleAcknowledged = () => {
    setAcknowledged(!acknowledged)
    setAckMissing(false)
  }
  useSubscriptionOffer()
  // 确认预约 is the citizen's tap: WeChat's subscription dialog (booked or paid, and the reminder the day before) comes first.
  const onConfirmTap = () => {
    if (noCancelDeadline && !acknowledged) return setAckMissing(true)
    askForSubscriptionsOnTap(['booking', 'payment', 'visit'])
    booking.submit()
  }
  const payHeldFee = () => {
    if (!heldFee) return
    if (!acknowledged) return setAckMissing(true)
    setHeldFee(null)
    fee.payWith(heldFee.payment)
  }
  const ackError = ackMissing && !acknowledged ? NO_CANCEL_ACK_MISSING : undefined
  const identityNeeded = patients.state.status === 'error' && patients.state.error instanceof ApiError && patients.state.error.code === 'IDENTITY_REQUIRED'

  return (
    <View className={pageClass} role="main">
      <PageTitle>确认预约</PageTitle>
      <RemoteStatus remote={choice} />
      {state.status === 'ready' && !slot && <Text className="subpage-notice">该号源已不存在，请返回重新选择。</Text>}
      {state.status === 'ready' && slot && (
        <>
          <View className="subpage-card card">
            <BookingSummary hospital={state.data.campus} department={state.data.department} day={state.data.schedule} slot={slot} />
          </View>
          {!booked && !isSlotBookable(slot) && <Text className="subpage-notice booking-confirm__gone">该号源{slotNote(slot)}，请返回选择其他时段。</Text>}
          <BookingRulesCard hospital={state.data.campus} />
          {canBook && noCancelDeadline && <NoCancelNotice deadline={noCancelDeadline} acknowledged={acknowledged} onToggle={toggleAcknowledged} error={ackError} />}
          <Section id="booking-patient-title" title="就诊人" className="subpage-card card booking-confirm__patients" titleClassName="subpage-heading">
            {patients.state.status === 'loading' && <LoadingView />}
            {identityNeeded && <IdentityNeeded text="预约挂号需要先完成实名认证" />}
            {patients.state.status === 'error' && !identityNeeded && <ErrorView message={patients.state.message} onRetry={patients.retry} />}
            {patients.state.status === 'ready' && (
              <PatientPicker
                patients={patients.state.data.patients}
                value={booking.values.patientId}
                error={booking.errors.patientId}
                onChange={(id) => booking.change('patientId', id)}
                onAdd={patients.state.data.patients.length < patients.state.data.max ? () => openPage(patientsUrl()) : undefined}
              />
            )}
          </Section>
        </>
      )}
      {canBook && (
        <FormFooter
          alert={booking.alert}
          submitting={booking.submitting}
          busyText="正在预约…"
          submitClassName="booking-confirm__submit"
          submitText="确认预约"
          onSubmit={onConfirmTap}
        />
      )}
      {!canBook && booking.alert && <FormAlert message={booking.alert.message} />}
      {booked && !heldFee && (
        <View className="subpage-lead booking-confirm__booked" role="status">
          预约已提交，正在前往支付挂号费…
        </View>
      )}
      {heldFee && (
        <>
          <NoCancelNotice deadline={heldFee.deadline} acknowledged={acknowledged} onToggle={toggleAcknowledged} error={ackError} />
          <View className="subpage-actions">
            <Pressable className="button button--primary booking-confirm__pay" onPress={payHeldFee}>
              支付挂号费
            </Pressable>
            <Pressable className="button button--secondary booking-confirm__later" onPress={showAppointment}>
              暂不支付
            </Pressable>
          </View>
        </>
      )}
      {!booked && (booking.problem === 'slot-gone' || (slot !== undefined && !isSlotBookable(slot)) || (state.status === 'ready' && !slot)) && (
        <View className="subpage-actions">
          <Pressable className="button button--secondary booking-confirm__reselect" onPress={backToSlots}>
            重新选择号源
          </Pressable>
        </View>
      )}
      {booking.problem === 'already-booked' && (
        <View className="subpage-actions">
          <Pressable className="button button--secondary booking-confirm__mine" onPress={() => openPage(appointmentsUrl())}>
            查看我的预约
          </Pressable>
        </View>
      )}
    </View>
  )
}
