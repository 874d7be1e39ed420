import { Text, View } from '@tarojs/components'
import { DetailList } from '../../../../components/detail-list'
import { Section } from '../../../../components/section'
import { nextPeriod, repaymentTotals } from '../../../../domain/fund-loan'
import { formatYuan } from '../../../../domain/money'
import { dateText } from '../../../../domain/date-text'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getLoanSchedule, listFundLoans, type LoanScheduleRow } from '../../../../services/housing-fund-api'
import { QueryStatus } from '../../../../components/query-status'
import { FUND_FINAL_ANSWERS, FUND_IDENTITY_TEXT } from '../../components/fund-answers'
import { LoanHead } from '../../components/loan-card'
import { ScheduleList, type ScheduleItem } from '../../components/schedule-list'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

async function loadPlan(service: string, loanId: string) {
  // The loan's head (number, status) is a nicety: the plan shows without it.
  const [schedule, loans] = await Promise.all([getLoanSchedule(service, loanId), listFundLoans(service).catch(() => [])])
  return { rows: schedule.rows, loan: loans.find((l) => l.loanId === loanId) }
}

function toItem(row: LoanScheduleRow, next: LoanScheduleRow | undefined): ScheduleItem {
  return {
    key: row.period,
    title: `第 ${row.period} 期`,
    date: row.status === 'paid' ? `${row.dueDate} 已还` : row.dueDate,
    paymentFen: row.paymentFen,
    principalFen: row.principalFen,
    interestFen: row.interestFen,
    balanceFen: row.balanceFen,
    tag: row === next ? '下一期' : undefined,
  }
}

/**
 * 还款计划 of one fund loan: the next payment first (marked 下一期 in words),
 * the totals repaid and still to pay, the periods to come and those already
 * paid (latest first), 12 at a time.
 */
export default function FundLoanPage() {
  const pageClass = usePageClass('page fund-loan')
  const { service, loan: loanId } = useRouteParams('service', 'loan')
  const plan = useRemote(() => loadPlan(service, loanId), [service, loanId])
  const { state } = plan
  const rows = state.status === 'ready' ? state.data.rows : []
  const next = nextPeriod(rows)
  const totals = repaymentTotals(rows)
  const upcoming = rows.filter((r) => r.status !== 'paid').map((r) => toItem(r, next))
  const paid = rows
    .filter((r) => r.status === 'paid')
    .reverse()
    .map((r) => toItem(r, next))

  return (
    <View className={pageClass} role="main">
      <PageTitle>还款计划</PageTitle>
      <QueryStatus remote={plan} identityText={FUND_IDENTITY_TEXT} final={FUND_FINAL_ANSWERS} />
      {state.status === 'ready' && (
        <>
          {state.data.loan && (
            <View className="subpage-card card loan-card">
              <LoanHead loan={state.data.loan} />
            </View>
          )}
          {next ? (
            <View className="subpage-card card loan-next" role="region" aria-labelledby="loan-next-title">
              <View id="loan-next-title" className="subpage-heading" role="heading" aria-level={2}>
                {`下一期还款：第 ${next.period} 期`}
              </View>
              <Text className="loan-next__amount">{formatYuan(next.paymentFen)}</Text>
              <Text className="loan-next__text">{`还款日 ${dateText(next.dueDate)} · 本金 ${formatYuan(next.principalFen)} · 利息 ${formatYuan(next.interestFen)}`}</Text>
            </View>
          ) : (
            <Text className="subpage-notice">这笔贷款已全部还清。</Text>
          )}
          <Section id="loan-totals-title" title="还款合计" className="subpage-card card loan-totals" titleClassName="subpage-heading">
            <DetailList
              rows={[
                { label: '已还', value: `${totals.paidCount} 期，共 ${formatYuan(totals.paidFen)}` },
                { label: '待还', value: `${totals.upcomingCount} 期，共 ${formatYuan(totals.upcomingFen)}`, strong: totals.upcomingCount > 0 },
                { label: '待还本金', value: formatYuan(totals.upcomingPrincipalFen) },
                { label: '待还利息', value: formatYuan(totals.upcomingInterestFen) },
                { label: '还款总额', value: formatYuan(totals.totalFen) },
                { label: '利息总额', value: formatYuan(totals.totalInterestFen) },
              ]}
            />
          </Section>
          {upcoming.length > 0 && (
            <Section id="loan-upcoming-title" title={`待还 ${upcoming.length} 期`} className="subpage-card card" titleClassName="subpage-heading">
              <ScheduleList items={upcoming} label="待还期数" />
            </Section>
          )}
          {paid.length > 0 && (
            <Section id="loan-paid-title" title={`已还 ${paid.length} 期（最近的在前）`} className="subpage-card card" titleClassName="subpage-heading">
              <ScheduleList items={paid} label="已还期数" />
            </Section>
          )}
        </>
      )}
    </View>
  )
}
