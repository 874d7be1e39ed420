import { View } from '@tarojs/components'
import { FormFooter } from '../../../components/form-footer'
import { TextField } from '../../../components/text-field'
import { formatYuan } from '../../../domain/money'
import type { WithdrawalApplication, WithdrawalReason } from '../../../services/housing-fund-api'
import { useWithdrawalForm } from '../hooks/use-withdrawal-form'

export interface WithdrawalFormProps {
  service: string
  reason: WithdrawalReason
  onApplied: (application: WithdrawalApplication) => void
}

/** The amount for the chosen reason and 提交申请; a failure's message stays with 重试 when trying again can help. */
export function WithdrawalForm({ service, reason, onApplied }: WithdrawalFormProps) {
  const form = useWithdrawalForm(service, reason, onApplied)
  return (
    <View className="withdrawal-form" role="form" aria-label={`${reason.name}申请`}>
      <TextField
        id="withdrawal-amount"
        label="提取金额（元）"
        value={form.values.amount}
        error={form.errors.amount}
        hint={`本次最多可提取 ${formatYuan(reason.maxAmountFen)}`}
        maxlength={16}
        onChange={(v) => form.change('amount', v)}
      />
      <FormFooter
        alert={form.alert}
        submitting={form.submitting}
        busyText="正在提交申请…"
        submitClassName="withdrawal-form__submit"
        submitText="提交申请"
        onSubmit={form.submit}
      />
    </View>
  )
}
