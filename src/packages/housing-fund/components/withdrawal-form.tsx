import { View } from '@tarojs/components'
import { useState } from 'react'
import { FormFooter } from '../../../components/form-footer'
import { TextField } from '../../../components/text-field'
import { formatYuan } from '../../../domain/money'
import { checkWithdrawalAmount } from '../../../domain/withdrawal-amount'
import type { WithdrawalApplication, WithdrawalReason } from '../../../services/housing-fund-api'
import { useWithdrawalForm } from '../hooks/use-withdrawal-form'
import { WithdrawalConfirm } from './withdrawal-confirm'

export interface WithdrawalFormProps {
  service: string
  reason: WithdrawalReason
  /** 公积金账号, masked, for the confirmation; absent while it could not be read. */
  accountNo?: string
  onApplied: (application: WithdrawalApplication) => void
}

/**
 * The amount for the chosen reason; 提交申请 checks it and shows what is
 * about to be applied for, which is sent only on 确认提交. A failure's
 * message stays with 重试 when trying again can help.
 */
export function WithdrawalForm({ service, reason, accountNo, onApplied }: WithdrawalFormProps) {
  const form = useWithdrawalForm(service, reason, onApplied)
  const [reviewing, setReviewing] = useState<number | null>(null)
  const review = () => {
    const checked = checkWithdrawalAmount(form.values.amount, reason.maxAmountFen)
    // A wrong amount goes through the form's own check, which says what to fix under the field and sends nothing.
    if ('problem' in checked) form.submit()
    else setReviewing(checked.fen)
  }
  return (
    <View className="withdrawal-form" role="form" aria-label={`${reason.name}申请`}>
      <TextField
        id="withdrawal-amount"
        label="提取金额（元）"
        value={form.values.amount}
        error={form.errors.amount}
        hint={`本次最多可提取 ${formatYuan(reason.maxAmountFen)}`}
        maxlength={16}
        type="digit"
        onChange={(v) => {
          setReviewing(null)
          form.change('amount', v)
        }}
      />
      {reviewing === null ? (
        <FormFooter alert={form.alert} submitting={false} busyText="" submitClassName="withdrawal-form__submit" submitText="提交申请" onSubmit={review} />
      ) : (
        <WithdrawalConfirm
          reasonName={reason.name}
          amountFen={reviewing}
          accountNo={accountNo}
          alert={form.alert}
          submitting={form.submitting}
          onConfirm={form.submit}
          onBack={() => setReviewing(null)}
        />
      )}
    </View>
  )
}
