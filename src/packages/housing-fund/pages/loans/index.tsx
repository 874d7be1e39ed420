import { View } from '@tarojs/components'
import { Pressable } from '../../../../components/pressable'
import { EmptyView } from '../../../../components/status-view'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { listFundLoans } from '../../../../services/housing-fund-api'
import { openPage } from '../../../../services/navigation'
import { fundLoanUrl, loanCalculatorUrl } from '../../../../services/routes'
import { QueryStatus } from '../../../../components/query-status'
import { FUND_FINAL_ANSWERS, FUND_IDENTITY_TEXT } from '../../components/fund-answers'
import { LoanCard } from '../../components/loan-card'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** 贷款查询: each fund loan (masked number, status, amounts, rate, term, next payment) leading to its 还款计划. */
export default function FundLoansPage() {
  const pageClass = usePageClass('page fund-loans')
  const { service } = useRouteParams('service')
  const loans = useRemote(() => listFundLoans(service), [service])
  usePageReturn(loans.reload)
  const { state } = loans

  return (
    <View className={pageClass} role="main">
      <PageTitle>贷款查询</PageTitle>
      <QueryStatus remote={loans} identityText={FUND_IDENTITY_TEXT} final={FUND_FINAL_ANSWERS} />
      {state.status === 'ready' && state.data.length === 0 && (
        <View className="subpage-card card fund-loans__empty">
          <EmptyView text="你目前没有公积金贷款" />
          <View className="fund-loans__empty-actions">
            <Pressable className="button button--secondary fund-loans__calculator" onPress={() => openPage(loanCalculatorUrl())}>
              贷款试算
            </Pressable>
          </View>
        </View>
      )}
      {state.status === 'ready' && state.data.length > 0 && (
        <View role="list" aria-label="公积金贷款">
          {state.data.map((loan) => (
            <LoanCard key={loan.loanId} loan={loan} onOpen={(l) => openPage(fundLoanUrl(service, l.loanId))} />
          ))}
        </View>
      )}
    </View>
  )
}
