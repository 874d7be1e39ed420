import type { ViolationViewT } from '../../../api/traffic'
import { DetailList } from '../../../components/detail-list'
import { formatChinaDateTime } from '../../../domain/china-time'
import { formatYuan } from '../../../domain/money'
import { violationStatusLabel } from '../../../domain/violation-status'

/** Every fact of one violation: what paying now costs (罚款 + 滞纳金 = 应缴金额), points, legal basis and authority. */
export function ViolationDetails({ view }: { view: ViolationViewT }) {
  const { violation, payment } = view
  const paidAt = violation.paidAt ?? payment?.paidAt
  return (
    <DetailList
      rows={[
        { label: '状态', value: violationStatusLabel(violation.status, payment?.status), strong: true },
        { label: '违法时间', value: formatChinaDateTime(violation.time) },
        { label: '违法地点', value: violation.place },
        { label: '违法行为', value: violation.behaviour },
        { label: '违法代码', value: violation.code },
        { label: '罚款', value: formatYuan(violation.fineFen) },
        { label: '滞纳金', value: formatYuan(violation.lateFeeFen) },
        { label: '应缴金额', value: formatYuan(violation.payableFen), strong: true },
        { label: '记分', value: `${violation.points} 分` },
        { label: '处罚依据', value: violation.lawBasis },
        { label: '处理机关', value: violation.authority },
        ...(paidAt ? [{ label: '缴款时间', value: formatChinaDateTime(paidAt) }] : []),
      ]}
    />
  )
}
