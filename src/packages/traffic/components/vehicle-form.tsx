import { View } from '@tarojs/components'
import type { VehicleT } from '../../../api/citizens'
import { FormFooter } from '../../../components/form-footer'
import { TextField } from '../../../components/text-field'
import { normalizeVehicleForm, vehicleFormProblems, type VehicleForm as VehicleValues } from '../../../domain/citizen-forms'
import { useForm, type FormAlertState } from '../../../hooks/use-form'
import { bindVehicle } from '../../../services/citizen-api'
import { PlateTypePicker } from './plate-type-picker'

function prepare(values: VehicleValues) {
  const normalized = normalizeVehicleForm(values)
  return { values: normalized, problems: vehicleFormProblems(normalized) }
}

export interface VehicleFormProps {
  onBound: (vehicle: VehicleT) => void
  /** A failure the page handles itself (e.g. 实名认证 needed); undefined for the usual handling. */
  onFailure?: (error: unknown) => FormAlertState | null | undefined
}

/** 号牌种类, 号牌号码 and 发动机号后6位, checked on the phone first; typed values survive every refusal. */
export function VehicleForm({ onBound, onFailure }: VehicleFormProps) {
  const form = useForm({ initial: { plateType: '02', plate: '', engineTail: '' }, prepare, send: bindVehicle, onSuccess: onBound, onFailure })

  return (
    <View className="subpage-form card vehicle-form" role="form" aria-label="车辆信息">
      <PlateTypePicker value={form.values.plateType} error={form.errors.plateType} onChange={(v) => form.change('plateType', v, ['plate'])} />
      <TextField
        id="vehicle-plate"
        label="号牌号码"
        placeholder="如 川A12345"
        hint="新能源汽车为 8 位，如 粤BD12345"
        value={form.values.plate}
        error={form.errors.plate}
        maxlength={12}
        onChange={(v) => form.change('plate', v)}
      />
      {/* No 6-character limit: a pasted full engine number must not be cut to its first 6. */}
      <TextField
        id="vehicle-engine-tail"
        label="发动机号后6位"
        placeholder="行驶证上发动机号码的最后 6 位"
        value={form.values.engineTail}
        error={form.errors.engineTail}
        maxlength={20}
        onChange={(v) => form.change('engineTail', v)}
      />
      <FormFooter alert={form.alert} submitting={form.submitting} busyText="正在绑定…" submitClassName="vehicle-form__submit" onSubmit={form.submit} />
    </View>
  )
}
