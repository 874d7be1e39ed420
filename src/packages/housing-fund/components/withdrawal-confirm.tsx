import { Text, View } from '@tarojs/components'
import { DetailList } from '../../../components/detail-list'
import { FormFooter } from '../../../components/form-footer'
import { Pressable } from '../../../components/pressable'
import { formatYuan } from '../../../domain/money'
import type { FormAlertState } from '../../../hooks/use-form'

export interface WithdrawalConfirmProps {
  reasonName: string
  amountFen: number
  /** 公积金账号 as the server sends it, masked to its last 4; absent while it could not be read. */
  accountNo?: string
  alert: FormAlertState | null
  submitting: boolean
  onConfirm: () => void
  onBack: () => void
}

/**
 * The last look before money leaves the fund: reason, amount and the
 * account (masked), sent only on 确认提交; 返回修改 goes back to the amount.
 */
export function WithdrawalConfirm({ reasonName, amountFen, accountNo, alert, submitting, onConfirm, onBack }: WithdrawalConfirmProps) {
  const rows = [
    { label: '提取原因', value: reasonName },
    { label: '提取金额', value: formatYuan(amountFen), strong: true },
    ...(accountNo ? [{ label: '公积金账号', value: accountNo }] : []),
    { label: '到账账户', value: '你在公积金中心登记的银行卡' },
  ]
  return (
    <View className="withdrawal-confirm" role="group" aria-labelledby="withdrawal-confirm-title">
      <Text id="withdrawal-confirm-title" className="withdrawal-confirm__title">
        请核对提取信息
      </Text>
      <DetailList rows={rows} />
      <Text className="withdrawal-confirm__note">核对无误后点“确认提交”，申请将提交到公积金中心。</Text>
      <FormFooter alert={alert} submitting={submitting} busyText="正在提交申请…" submitClassName="withdrawal-form__confirm" submitText="确认提交" onSubmit={onConfirm} />
      {!submitting && (
        <View className="subpage-actions">
          <Pressable className="button button--secondary withdrawal-form__back" onPress={onBack}>
            返回修改
          </Pressable>
        </View>
      )}
    </View>
  )
}
