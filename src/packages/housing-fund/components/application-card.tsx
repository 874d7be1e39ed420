import { Text, View } from '@tarojs/components'
import { DetailList } from '../../../components/detail-list'
import { formatChinaDateTime } from '../../../domain/china-time'
import { formatYuan } from '../../../domain/money'
import { withdrawalStatusLabel, withdrawalStatusTone } from '../../../domain/withdrawal-status'
import type { WithdrawalApplication } from '../../../services/housing-fund-api'

/** The application just submitted: its number, where it stands and what happens next, announced when it appears. */
export function ApplicationCard({ application }: { application: WithdrawalApplication }) {
  return (
    <View className="subpage-card card application-card" role="status">
      <View className="application-card__head">
        <Text className="application-card__title">提取申请已提交</Text>
        <Text className={`status-tag status-tag--${withdrawalStatusTone(application.status)}`}>{withdrawalStatusLabel(application.status)}</Text>
      </View>
      <Text className="application-card__message">{application.message}</Text>
      <DetailList
        rows={[
          { label: '受理编号', value: application.applicationNo },
          { label: '提取原因', value: application.reasonName },
          { label: '提取金额', value: formatYuan(application.amountFen), strong: true },
          { label: '办理状态', value: withdrawalStatusLabel(application.status) },
          { label: '提交时间', value: formatChinaDateTime(application.submittedAt) },
        ]}
      />
    </View>
  )
}
