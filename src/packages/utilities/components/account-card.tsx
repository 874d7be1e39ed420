import { Text, View } from '@tarojs/components'
import type { UtilityAccountT } from '../../../api/utilities'
import { Pressable } from '../../../components/pressable'

export interface AccountCardProps {
  account: UtilityAccountT
  onBills: () => void
  onTopUp: () => void
  onHistory: () => void
  onUnbind: () => void
}

/** A bound household account, masked: company, 户号, holder and address, with what can be done with it. */
export function AccountCard({ account, onBills, onTopUp, onHistory, onUnbind }: AccountCardProps) {
  return (
    <View className="account-card" role="listitem">
      <Pressable className="account-card__open" onPress={onBills}>
        <View className="list-row__top">
          <Text className="account-card__no">户号 {account.accountNo}</Text>
          {account.prepaid && <Text className="tag">预付费</Text>}
        </View>
        <Text className="list-row__text">{account.providerName}</Text>
        <Text className="list-row__text">
          户名 {account.holderName} · {account.address}
        </Text>
        <Text className="account-card__more">查看账单 ›</Text>
      </Pressable>
      <View className="account-card__actions">
        {account.prepaid && (
          <Pressable className="subpage-link account-card__top-up" onPress={onTopUp}>
            充值
          </Pressable>
        )}
        <Pressable className="subpage-link" onPress={onHistory}>
          缴费记录
        </Pressable>
        <Pressable className="subpage-link" label={`解绑户号 ${account.accountNo}`} onPress={onUnbind}>
          解绑
        </Pressable>
      </View>
    </View>
  )
}
