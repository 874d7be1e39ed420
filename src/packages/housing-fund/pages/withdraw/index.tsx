import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getFundAccount, getWithdrawalEligibility, type WithdrawalApplication } from '../../../../services/housing-fund-api'
import { ApplicationCard } from '../../components/application-card'
import { QueryStatus } from '../../../../components/query-status'
import { FUND_FINAL_ANSWERS, FUND_IDENTITY_TEXT } from '../../components/fund-answers'
import { ReasonItem } from '../../components/reason-item'
import { WithdrawalForm } from '../../components/withdrawal-form'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/**
 * 提取申请: every reason with whether the citizen may use it now. Choosing an
 * eligible one opens its amount (the maximum to start with) and 提交申请,
 * which shows a confirmation (reason, amount, masked account) before
 * anything is sent; the submitted application is shown on top and the
 * reasons are read again, since applying changes what can still be withdrawn.
 */
export default function WithdrawPage() {
  const pageClass = usePageClass('page fund-withdraw')
  const { service } = useRouteParams('service')
  const eligibility = useRemote(() => getWithdrawalEligibility(service), [service])
  // Only for the masked account number on the confirmation: the form works without it.
  const account = useRemote(() => getFundAccount(service), [service])
  usePageReturn(eligibility.reload)
  const [chosen, setChosen] = useState<string | null>(null)
  const [application, setApplication] = useState<WithdrawalApplication | null>(null)

  const onApplied = (answer: WithdrawalApplication) => {
    setApplication(answer)
    setChosen(null)
    eligibility.reload()
    void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
  }

  const { state } = eligibility
  return (
    <View className={pageClass} role="main">
      <PageTitle>提取申请</PageTitle>
      {application && <ApplicationCard application={application} />}
      <QueryStatus remote={eligibility} identityText={FUND_IDENTITY_TEXT} final={FUND_FINAL_ANSWERS} />
      {state.status === 'ready' && (
        <>
          <Text className="subpage-lead">选择提取原因并填写金额。暂不符合条件的原因会说明理由，不能选择。</Text>
          <View className="reason-list" role="list" aria-label="提取原因">
            {state.data.map((reason) => {
              const on = reason.eligible && reason.code === chosen
              return (
                <ReasonItem key={reason.code} reason={reason} chosen={on} onChoose={(r) => setChosen(r.code)}>
                  {on && <WithdrawalForm
                      key={reason.code}
                      service={service}
                      reason={reason}
                      accountNo={account.state.status === 'ready' ? account.state.data.accountNo : undefined}
                      onApplied={onApplied}
                    />}
                </ReasonItem>
              )
            })}
          </View>
        </>
      )}
    </View>
  )
}
