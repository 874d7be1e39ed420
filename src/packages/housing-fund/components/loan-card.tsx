import { Text, View } from '@tarojs/components'
import { DetailList, type DetailRow } from '../../../components/detail-list'
import { Pressable } from '../../../components/pressable'
import { fundLoanStatusLabel, loanTermText, repaymentMethodLabel } from '../../../domain/fund-loan'
import { formatYuan } from '../../../domain/money'
import { monthText } from '../../../domain/calendar-months'
import { dateText } from '../../../domain/date-text'
import { basisPointsText } from '../../../domain/rate-percent'
import type { FundLoan } from '../../../services/housing-fund-api'

/** A loan's figures as both 贷款查询 and its 还款计划 head show them. */
export function loanRows(loan: FundLoan): DetailRow[] {
  const rows: DetailRow[] = [
    { label: '贷款金额', value: formatYuan(loan.principalFen) },
    { label: '剩余本金', value: formatYuan(loan.balanceFen), strong: loan.status === 'repaying' },
    { label: '年利率', value: basisPointsText(loan.annualRateBp) },
    { label: '贷款期限', value: loanTermText(loan.termMonths) },
    { label: '已还期数', value: `${loan.paidMonths} / ${loan.termMonths} 期` },
    { label: '还款方式', value: repaymentMethodLabel(loan.method) },
    { label: '首次还款', value: monthText(loan.startMonth) },
  ]
  if (loan.status === 'repaying') {
    rows.push({ label: '下期还款', value: `${formatYuan(loan.nextPaymentFen)}${loan.nextPaymentDate ? `（${dateText(loan.nextPaymentDate)}）` : ''}`, strong: true })
  }
  return rows
}

/** The loan's masked number and its status in words. */
export function LoanHead({ loan }: { loan: FundLoan }) {
  return (
    <View className="loan-card__head">
      <Text className="loan-card__no">{`贷款编号 ${loan.loanNo}`}</Text>
      <Text className={`status-tag status-tag--${loan.status === 'repaying' ? 'pending' : 'done'}`}>{fundLoanStatusLabel(loan.status)}</Text>
    </View>
  )
}

/** One fund loan in 贷款查询, with the way to its 还款计划. */
export function LoanCard({ loan, onOpen }: { loan: FundLoan; onOpen: (loan: FundLoan) => void }) {
  return (
    <View className="subpage-card card loan-card" role="listitem">
      <LoanHead loan={loan} />
      <DetailList rows={loanRows(loan)} />
      <Pressable className="list-row loan-card__open" onPress={() => onOpen(loan)}>
        <Text className="list-row__title loan-card__link">查看还款计划</Text>
      </Pressable>
    </View>
  )
}
