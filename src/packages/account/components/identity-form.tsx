import { View } from '@tarojs/components'
import { useRef } from 'react'
import type { IdentityT } from '../../../api/citizens'
import { FormFooter } from '../../../components/form-footer'
import { PersonFields } from '../../../components/person-fields'
import { chinaToday } from '../../../domain/china-time'
import { identityFormProblems, normalizeIdentityForm, type IdentityForm as IdentityValues } from '../../../domain/citizen-forms'
import { useForm } from '../../../hooks/use-form'
import { verifyIdentity } from '../../../services/citizen-api'
import { ApiError } from '../../../services/request'

function prepare(values: IdentityValues) {
  const normalized = normalizeIdentityForm(values)
  return { values: normalized, problems: identityFormProblems(normalized, chinaToday()) }
}

/**
 * 姓名 and 身份证号, checked on the phone (GB 11643) before the identity
 * agency is asked; what was typed stays through every refusal and failure.
 */
export function IdentityForm({
  onVerified,
  onAlreadyVerified,
  onBoundElsewhere,
}: {
  onVerified: (identity: IdentityT) => void
  onAlreadyVerified: () => void
  /** Another WeChat account holds this identity: only a face check (人脸核身) moves it here. */
  onBoundElsewhere: (values: IdentityValues, message: string) => void
}) {
  const sent = useRef<IdentityValues | null>(null)
  const form = useForm({
    initial: { name: '', idNumber: '' },
    prepare,
    send: (values: IdentityValues) => {
      sent.current = values
      return verifyIdentity(values)
    },
    onSuccess: onVerified,
    onFailure: (error) => {
      if (error instanceof ApiError && error.code === 'IDENTITY_ALREADY_VERIFIED') {
        onAlreadyVerified()
        return null
      }
      if (error instanceof ApiError && error.code === 'IDENTITY_BOUND_ELSEWHERE' && sent.current) {
        onBoundElsewhere(sent.current, error.message)
        return null
      }
      return undefined
    },
  })

  return (
    <View className="subpage-form card identity-form" role="form" aria-label="实名认证信息">
      <PersonFields idPrefix="identity" values={form.values} errors={form.errors} onChange={form.change} />
      <FormFooter alert={form.alert} submitting={form.submitting} busyText="正在核验身份…" submitClassName="identity-form__submit" onSubmit={form.submit} />
    </View>
  )
}
