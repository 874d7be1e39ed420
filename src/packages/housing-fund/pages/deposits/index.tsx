import { View } from '@tarojs/components'
import { useState } from 'react'
import { DetailList } from '../../../../components/detail-list'
import { RemoteStatus } from '../../../../components/remote-status'
import { Section } from '../../../../components/section'
import { EmptyView } from '../../../../components/status-view'
import { YearChips } from '../../../../components/year-chips'
import { chinaToday } from '../../../../domain/china-time'
import { depositTotals, signedFenText } from '../../../../domain/fund-deposits'
import { formatYuan } from '../../../../domain/money'
import { recordYearParam, recordYears, yearChoices } from '../../../../domain/record-years'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getDeposits, getFundAccount } from '../../../../services/housing-fund-api'
import { DepositRow } from '../../components/deposit-row'
import { QueryStatus } from '../../../../components/query-status'
import { FUND_FINAL_ANSWERS, FUND_IDENTITY_TEXT } from '../../components/fund-answers'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/**
 * 缴存明细: one calendar year at a time (chips from the year the account was
 * opened), each month's 汇缴, 结息 and 提取 with the balance after it, and
 * the year's totals.
 */
export default function DepositsPage() {
  const pageClass = usePageClass('page fund-deposits')
  const { service, year: yearParam } = useRouteParams('service', 'year')
  const currentYear = Number(chinaToday().slice(0, 4))
  const [year, setYear] = useState(() => recordYearParam(yearParam, currentYear))
  // The account gives the first year there can be records for.
  const account = useRemote(() => getFundAccount(service), [service])
  const deposits = useRemote(() => getDeposits(service, year), [service, year])
  usePageReturn(() => {
    account.reload()
    deposits.reload()
  })

  const { state } = account
  const records = deposits.state.status === 'ready' ? deposits.state.data.records : []
  const totals = depositTotals(records)
  const last = records.at(-1)

  return (
    <View className={pageClass} role="main">
      <PageTitle>缴存明细</PageTitle>
      <QueryStatus remote={account} identityText={FUND_IDENTITY_TEXT} final={FUND_FINAL_ANSWERS} />
      {state.status === 'ready' && (
        <>
          <YearChips years={yearChoices(recordYears(state.data.openedMonth, currentYear), year)} value={year} onChange={setYear} />
          <RemoteStatus remote={deposits} />
          {deposits.state.status === 'ready' && (
            <>
              <Section id="deposit-totals-title" title={`${year}年合计`} className="subpage-card card deposit-totals" titleClassName="subpage-heading">
                <DetailList
                  rows={[
                    { label: '汇缴合计', value: `${signedFenText(totals.depositFen, false)} 元` },
                    { label: '结息', value: `${signedFenText(totals.interestFen, false)} 元` },
                    { label: '提取合计', value: `${signedFenText(totals.withdrawalFen, true)} 元` },
                    ...(last ? [{ label: '年内最后余额', value: formatYuan(last.balanceAfterFen), strong: true }] : []),
                  ]}
                />
              </Section>
              <Section id="deposit-records-title" title={`${year}年明细`} className="subpage-card card deposit-records" titleClassName="subpage-heading">
                {records.length === 0 ? (
                  <EmptyView text={`${year}年没有缴存记录`} />
                ) : (
                  <View role="list">
                    {records.map((record, i) => (
                      <DepositRow key={`${record.month}-${record.kind}-${i}`} record={record} />
                    ))}
                  </View>
                )}
              </Section>
            </>
          )}
        </>
      )}
    </View>
  )
}
