import { Text, View } from '@tarojs/components'
import { DetailList } from '../../../components/detail-list'
import { Section } from '../../../components/section'
import { monthlyDecreaseFen } from '../../../domain/loan-calculator-input'
import type { LoanInput, LoanSchedule } from '../../../domain/loan-calculator'
import { loanTermText } from '../../../domain/fund-loan'
import { formatYuan, yuanText } from '../../../domain/money'
import { ScheduleList } from './schedule-list'

/** 试算结果: the first (or every) month's payment, for 等额本金 how much less each month, the totals and the monthly schedule. */
export function CalculatorResult({ input, schedule }: { input: LoanInput; schedule: LoanSchedule }) {
  const first = schedule.rows[0]!
  const equalPrincipal = schedule.method === 'equal-principal'
  const items = schedule.rows.map((row) => ({
    key: row.month,
    title: `第 ${row.month} 期`,
    paymentFen: row.paymentFen,
    principalFen: row.principalFen,
    interestFen: row.interestFen,
    balanceFen: row.balanceFen,
  }))
  return (
    <>
      <Section id="calculator-result-title" title="试算结果" className="subpage-card card calculator-result" titleClassName="subpage-heading">
        <View className="calculator-result__main">
          <Text className="calculator-result__caption">{equalPrincipal ? '首月月供（元）' : '每月月供（元）'}</Text>
          <Text className="calculator-result__value">{yuanText(first.paymentFen)}</Text>
          {equalPrincipal && schedule.rows.length > 1 && (
            <Text className="calculator-result__note">{`之后每月约减少 ${formatYuan(monthlyDecreaseFen(schedule))}`}</Text>
          )}
        </View>
        <DetailList
          rows={[
            { label: '贷款总额', value: formatYuan(input.principalFen) },
            { label: '支付利息', value: formatYuan(schedule.totalInterestFen), strong: true },
            { label: '还款总额', value: formatYuan(schedule.totalPaymentFen) },
            { label: '还款期数', value: loanTermText(input.months) },
          ]}
        />
      </Section>
      <Section id="calculator-schedule-title" title="每月还款计划" className="subpage-card card calculator-schedule" titleClassName="subpage-heading">
        <ScheduleList items={items} label="每月还款计划" />
      </Section>
    </>
  )
}
