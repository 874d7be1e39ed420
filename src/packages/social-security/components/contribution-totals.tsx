import { DetailList, type DetailRow } from '../../../components/detail-list'
import type { ContributionYearT } from '../../../api/social-security'
import { formatYuan } from '../../../domain/money'

/** A year's totals as the bureau counted them, and how many of the listed months were not paid. */
export function ContributionTotals({ totals, gaps }: { totals: ContributionYearT['totals']; gaps: number }) {
  const rows: DetailRow[] = [
    { label: '个人缴纳', value: formatYuan(totals.personalFen), strong: true },
    { label: '单位缴纳', value: formatYuan(totals.employerFen) },
    { label: '缴费月数', value: `${totals.months} 个月` },
  ]
  if (gaps > 0) rows.push({ label: '未缴费', value: `${gaps} 个月` })
  return <DetailList className="contribution-totals" rows={rows} />
}
