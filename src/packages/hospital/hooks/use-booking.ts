import { useRef, useState } from 'react'
import type { AppointmentAnswerT } from '../../../api/hospital'
import { useForm } from '../../../hooks/use-form'
import { useServiceUsage } from '../../../hooks/use-service-usage'
import { type BookingRequest, bookAppointment } from '../../../services/hospital-api'
import { openPage } from '../../../services/navigation'
import { randomToken } from '../../../services/random-token'
import { ApiError } from '../../../services/request'
import { identityUrl } from '../../../services/routes'

/** Refusals that mean this slot cannot be had: the citizen picks another. */
const SLOT_GONE = new Set(['SLOT_FULL', 'SLOT_PASSED', 'NOT_RELEASED', 'DATE_OUTSIDE_WINDOW', 'SLOT_NOT_FOUND'])

/** What the confirm page offers after a refusal, besides its message. */
export type BookingProblem = 'slot-gone' | 'already-booked' | 'no-cancel-ack' | null

export interface BookingOptions {
  service: string
  slotId: string
  /** Where the slot is listed, for the platform's cancel-deadline check. */
  where: NonNullable<BookingRequest['where']>
  /** Whether the citizen ticked 我已知晓预约后不能取消. */
  acknowledged: boolean
  onBooked: (answer: AppointmentAnswerT) => void
  /** The slot's numbers changed (full, passed): read the schedule again. */
  onSlotChanged: () => void
  /** The chosen 就诊人 is gone (deleted elsewhere): read the list again. */
  onPatientsChanged: () => void
}

export const PATIENT_MESSAGE = '请选择就诊人'

function prepare(values: { patientId: string }) {
  return { values, problems: values.patientId ? [] : [{ field: 'patientId' as const, message: PATIENT_MESSAGE }] }
}

/**
 * 确认预约: one booking request at a time, each with an idempotency key made
 * once per confirm screen and patient, so a double tap or a 重试 after a
 * timeout answers the same appointment rather than a second one. The chosen
 * patient stays chosen through every refusal and failure.
 */
export function useBooking({ service, slotId, where, acknowledged, onBooked, onSlotChanged, onPatientsChanged }: BookingOptions) {
  const keys = useRef(new Map<string, string>())
  const [problem, setProblem] = useState<BookingProblem>(null)
  // Anonymous submit/success/error with latency; the use itself was counted on the service's first page.
  const usage = useServiceUsage(service, { open: false })
  const keyFor = (patientId: string) => {
    let key = keys.current.get(patientId)
    if (!key) {
      key = randomToken(24)
      keys.current.set(patientId, key)
    }
    return key
  }

  const form = useForm({
    initial: { patientId: '' },
    prepare,
    send: (values) => {
      setProblem(null)
      usage.submit()
      return bookAppointment(service, {
        slotId,
        patientId: values.patientId,
        idempotencyKey: keyFor(values.patientId),
        where,
        ...(acknowledged ? { noCancelAcknowledged: true } : {}),
      })
    },
    onSuccess: (answer) => {
      usage.success()
      onBooked(answer)
    },
    onFailure: (error) => {
      usage.error()
      if (!(error instanceof ApiError)) return undefined
      if (error.code === 'IDENTITY_REQUIRED') {
        // 实名认证 opens on top: the slot and the chosen patient are here on the way back.
        openPage(identityUrl())
        return { message: '预约挂号需要先完成实名认证，认证后回到本页再次确认', retryable: false }
      }
      if (SLOT_GONE.has(error.code)) {
        setProblem('slot-gone')
        onSlotChanged()
      } else if (error.code === 'ALREADY_BOOKED') setProblem('already-booked')
      // The platform's clock says the deadline has passed where the phone's did not: the tick first.
      else if (error.code === 'NO_CANCEL_ACK_REQUIRED') setProblem('no-cancel-ack')
      else if (error.code === 'PATIENT_NOT_FOUND') onPatientsChanged()
      return undefined
    },
  })

  return { ...form, problem }
}
