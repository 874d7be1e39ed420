import { useRef } from 'react'
import { yuanText } from '../../../domain/money'
import { checkWithdrawalAmount } from '../../../domain/withdrawal-amount'
import { useFaceCheck } from '../../../hooks/use-face-check'
import { useForm } from '../../../hooks/use-form'
import { useServiceUsage } from '../../../hooks/use-service-usage'
import { applyForWithdrawal, type WithdrawalApplication, type WithdrawalReason } from '../../../services/housing-fund-api'
import { openPage } from '../../../services/navigation'
import { randomToken } from '../../../services/random-token'
import { ApiError } from '../../../services/request'
import { identityUrl } from '../../../services/routes'

function prepare(maxAmountFen: number) {
  return (values: { amount: string }) => {
    const checked = checkWithdrawalAmount(values.amount, maxAmountFen)
    return { values, problems: 'problem' in checked ? [{ field: 'amount' as const, message: checked.problem }] : [] }
  }
}

/**
 * 提取申请 for one chosen reason: the amount (the maximum to start with),
 * checked on the phone first, and one application request at a time. The
 * idempotency key is made once per amount, so a double tap or a 重试 after a
 * timeout is the same application; another amount (or another reason: a new
 * form) is a new one. The typed amount stays through every refusal.
 */
export function useWithdrawalForm(service: string, reason: WithdrawalReason, onApplied: (application: WithdrawalApplication) => void) {
  const keys = useRef(new Map<number, string>())
  // Anonymous submit/success/error with latency; the use itself was counted on the service's first page.
  const usage = useServiceUsage(service, { open: false })
  // Moving money needs a recent 人脸核身: the citizen does it and submits again.
  const faceCheck = useFaceCheck((end) => {
    if (end.kind === 'done' && end.outcome.faceCheck.status === 'passed') void form.submit()
  })
  const keyFor = (amountFen: number) => {
    let key = keys.current.get(amountFen)
    if (!key) {
      key = randomToken(24)
      keys.current.set(amountFen, key)
    }
    return key
  }

  const form = useForm({
    initial: { amount: yuanText(reason.maxAmountFen) },
    prepare: prepare(reason.maxAmountFen),
    send: (values) => {
      const checked = checkWithdrawalAmount(values.amount, reason.maxAmountFen)
      // prepare has refused anything else; this only narrows the type.
      if ('problem' in checked) throw new Error(checked.problem)
      usage.submit()
      return applyForWithdrawal(service, { reason: reason.code, amountFen: checked.fen, idempotencyKey: keyFor(checked.fen) })
    },
    onSuccess: (application) => {
      usage.success()
      keys.current.clear()
      onApplied(application)
    },
    onFailure: (error) => {
      usage.error()
      if (!(error instanceof ApiError)) return undefined
      if (error.code === 'IDENTITY_REQUIRED') {
        openPage(identityUrl())
        return { message: '申请提取需要先完成实名认证，认证后回到本页再次提交', retryable: false }
      }
      if (error.code === 'FACE_CHECK_REQUIRED') {
        faceCheck.run({ purpose: 'step-up' })
        return { message: '为保护资金安全，提取前需完成人脸核身；通过后将自动再次提交', retryable: false }
      }
      // The centre saw this key with another request: the next try must not reuse it.
      if (error.code === 'IDEMPOTENCY_CONFLICT') keys.current.clear()
      return undefined
    },
  })
  return form
}
