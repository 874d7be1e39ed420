import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { EmptyView } from '../../../../components/status-view'
import { YearChips } from '../../../../components/year-chips'
import { chinaToday } from '../../../../domain/china-time'
import { contributionMonths } from '../../../../domain/contribution-months'
import { firstContributionMonth } from '../../../../domain/employment-history'
import { recordYearParam, recordYears, yearChoices } from '../../../../domain/record-years'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getContributions, getInsured } from '../../../../services/social-security-api'
import { ContributionMonthRow } from '../../components/contribution-month-row'
import { ContributionTotals } from '../../components/contribution-totals'
import { QueryStatus } from '../../../../components/query-status'
import { NOT_INSURED } from '../../components/not-insured'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

const IDENTITY_TEXT = '查询缴费记录需要先完成实名认证'

/**
 * 缴费记录: one calendar year at a time (the year chips run from the first
 * contribution to this year), the year's totals, and every month with its
 * base and per-insurance amounts; a month without records says 未缴费.
 */
export default function ContributionsPage() {
  const pageClass = usePageClass('page ss-records')
  const params = useRouteParams('service', 'year')
  const service = params.service
  const currentMonth = chinaToday().slice(0, 7)
  const currentYear = Number(currentMonth.slice(0, 4))
  const [year, setYear] = useState(() => recordYearParam(params.year, currentYear))
  // The insured status gives the first contribution month: where the chips start and the first year's months begin.
  const insured = useRemote(() => getInsured(service), [service])
  const contributions = useRemote(() => getContributions(service, year), [service, year])
  // Back from 实名认证: both can now be answered.
  usePageReturn(() => {
    insured.reload()
    contributions.reload()
  })

  const firstMonth = insured.state.status === 'ready' ? firstContributionMonth(insured.state.data) : undefined
  const c = contributions.state
  const months = c.status === 'ready' ? contributionMonths(c.data, { firstMonth, currentMonth }) : []

  return (
    <View className={pageClass} role="main">
      <PageTitle>缴费记录</PageTitle>
      {/* Until the insured status is in, its state stands for the page: one spinner, one 去认证. */}
      <QueryStatus remote={insured} identityText={IDENTITY_TEXT} final={NOT_INSURED} />
      {insured.state.status === 'ready' && (
        <>
          <Text className="subpage-lead">当月的缴费一般在次月可以查询。金额以社保经办机构的记录为准。</Text>
          <YearChips years={yearChoices(recordYears(firstMonth, currentYear), year)} value={year} onChange={setYear} />
          <QueryStatus remote={contributions} identityText={IDENTITY_TEXT} final={NOT_INSURED} />
          {c.status === 'ready' && (
            <>
              <View className="subpage-card card" role="region" aria-labelledby="ss-records-totals">
                <View id="ss-records-totals" className="subpage-heading" role="heading" aria-level={2}>
                  {c.data.year}年合计
                </View>
                <ContributionTotals totals={c.data.totals} gaps={months.filter((m) => !m.paid).length} />
              </View>
              {months.length === 0 ? (
                <EmptyView text={`${c.data.year}年暂无缴费记录`} />
              ) : (
                <View className="subpage-card card" role="list" aria-label={`${c.data.year}年每月缴费`}>
                  {months.map((m) => (
                    <ContributionMonthRow key={m.month} month={m} />
                  ))}
                </View>
              )}
            </>
          )}
        </>
      )}
    </View>
  )
}
