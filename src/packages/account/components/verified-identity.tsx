import { View } from '@tarojs/components'
import type { IdentityT } from '../../../api/citizens'
import { DetailList } from '../../../components/detail-list'
import { formatChinaDateTime } from '../../../domain/china-time'

/** The verified real name, masked as the server sends it (*三, 5106**********0010). */
export function VerifiedIdentity({ identity }: { identity: IdentityT }) {
  return (
    <View className="subpage-card card identity-done" role="region" aria-labelledby="identity-done-title">
      <View id="identity-done-title" className="subpage-heading" role="heading" aria-level={2}>
        已完成实名认证
      </View>
      <DetailList
        rows={[
          { label: '姓名', value: identity.name },
          { label: '身份证号', value: identity.idNumber },
          { label: '认证时间', value: formatChinaDateTime(identity.verifiedAt) },
        ]}
      />
    </View>
  )
}
