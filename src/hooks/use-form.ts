import { useRef, useState } from 'react'
import type { FieldProblem } from '../domain/citizen-forms'
import { detailsToProblems, problemsByField } from '../domain/field-problems'
import { ApiError, chineseMessage, errorMessage, isTemporaryFailure } from '../services/request'

export interface FormAlertState {
  message: string
  /** Sending the same values again may work (timeouts, agency down). */
  retryable: boolean
}

export interface FormOptions<V extends Record<string, string>, R> {
  initial: V
  /** The values as they are sent (normalized) and their problems; any problem stops the submit. */
  prepare: (values: V) => { values: V; problems: FieldProblem<keyof V & string>[] }
  send: (values: V) => Promise<R>
  onSuccess: (result: R) => void
  /**
   * The page's own reading of a failure: an alert to show, null when it dealt
   * with it, undefined for the usual handling (field details, then the message).
   */
  onFailure?: (error: unknown) => FormAlertState | null | undefined
}

const HAS_CHINESE = /[\u4e00-\u9fff]/

/**
 * A form's values, its problems by field, an alert for the form and one
 * submit at a time (a double tap sends once). Values are never cleared by a
 * problem or a failure: the citizen fixes what is wrong and sends again.
 */
export function useForm<V extends Record<string, string>, R>(options: FormOptions<V, R>) {
  type F = keyof V & string
  const [values, setValues] = useState<V>(options.initial)
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({})
  const [alert, setAlert] = useState<FormAlertState | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)
  const fields = Object.keys(options.initial) as F[]

  /** Sets a field and clears its message, and those of `related` fields whose check depends on it. */
  const change = (field: F, value: string, related: F[] = []) => {
    setValues((v) => ({ ...v, [field]: value }))
    setErrors((e) => ({ ...e, ...Object.fromEntries([field, ...related].map((f) => [f, undefined])) }))
  }

  const fail = (error: unknown) => {
    const own = options.onFailure?.(error)
    if (own !== undefined) return setAlert(own)
    if (error instanceof ApiError) {
      // Details name fields (VALIDATION_FAILED, and e.g. IDENTITY_MISMATCH pointing at 姓名): show each under its field.
      const toMessage = (m: string) => (HAS_CHINESE.test(chineseMessage(m)) ? chineseMessage(m) : error.message)
      const problems = detailsToProblems(error.details, fields, toMessage)
      if (problems.length > 0) setErrors(problemsByField(problems))
      if (problems.length > 0 && error.code === 'VALIDATION_FAILED') return
    }
    setAlert({ message: errorMessage(error), retryable: isTemporaryFailure(error) })
  }

  const submit = async () => {
    if (busy.current) return
    const { values: prepared, problems } = options.prepare(values)
    setAlert(null)
    if (problems.length > 0) {
      setErrors(problemsByField(problems))
      return
    }
    busy.current = true
    setSubmitting(true)
    try {
      const result = await options.send(prepared)
      options.onSuccess(result)
    } catch (error) {
      fail(error)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }

  return { values, errors, alert, submitting, change, submit: () => void submit() }
}
