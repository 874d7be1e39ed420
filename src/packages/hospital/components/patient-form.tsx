import { View } from '@tarojs/components'
import type { PatientT } from '../../../api/hospital'
import { FormFooter } from '../../../components/form-footer'
import { PersonFields } from '../../../components/person-fields'
import { chinaToday } from '../../../domain/china-time'
import { normalizePatientForm, patientFormProblems, type PatientForm as PatientValues } from '../../../domain/patient-form'
import { useForm } from '../../../hooks/use-form'
import { openPage } from '../../../services/navigation'
import { addPatient } from '../../../services/patient-api'
import { ApiError } from '../../../services/request'
import { identityUrl } from '../../../services/routes'
import { RelationPicker } from './relation-picker'

function prepare(values: PatientValues) {
  const normalized = normalizePatientForm(values)
  return { values: normalized, problems: patientFormProblems(normalized, chinaToday()) }
}

export interface PatientFormProps {
  onAdded: (patient: PatientT) => void
  /** The list on the server changed under the form (TOO_MANY_PATIENTS): read it again. */
  onListChanged: () => void
}

/**
 * 添加就诊人: 姓名, 身份证号 (checked on the phone as 实名认证 checks them)
 * and 与本人关系. What was typed and chosen stays through every refusal.
 */
export function PatientForm({ onAdded, onListChanged }: PatientFormProps) {
  const form = useForm({
    initial: { name: '', idNumber: '', relation: '' },
    prepare,
    send: addPatient,
    onSuccess: onAdded,
    onFailure: (error) => {
      if (!(error instanceof ApiError)) return undefined
      if (error.code === 'IDENTITY_REQUIRED') {
        openPage(identityUrl())
        return { message: '添加就诊人需要先完成实名认证，认证后回到本页再次提交', retryable: false }
      }
      if (error.code === 'TOO_MANY_PATIENTS') onListChanged()
      return undefined
    },
  })

  return (
    <View className="subpage-form card patient-form" role="form" aria-label="就诊人信息">
      <PersonFields idPrefix="patient" values={form.values} errors={form.errors} onChange={form.change} />
      <RelationPicker value={form.values.relation} error={form.errors.relation} onChange={(v) => form.change('relation', v)} />
      <FormFooter
        alert={form.alert}
        submitting={form.submitting}
        busyText="正在核验就诊人身份…"
        submitClassName="patient-form__submit"
        submitText="添加"
        onSubmit={form.submit}
      />
    </View>
  )
}
