import { Text, View } from '@tarojs/components'
import { DetailList } from '../../../../components/detail-list'
import { Section } from '../../../../components/section'
import { fundAccountStatusLabel, fundAccountStatusTone } from '../../../../domain/fund-account-status'
import { formatYuan, yuanText } from '../../../../domain/money'
import { monthText } from '../../../../domain/calendar-months'
import { basisPointsText } from '../../../../domain/rate-percent'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { useServiceUsage } from '../../../../hooks/use-service-usage'
import { getFundAccount } from '../../../../services/housing-fund-api'
import { AccountNumber } from '../../components/account-number'
import { FundLinks } from '../../components/fund-links'
import { QueryStatus } from '../../../../components/query-status'
import { FUND_FINAL_ANSWERS, FUND_IDENTITY_TEXT } from '../../components/fund-answers'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/**
 * 公积金: the balance first, the account's status and number (masked until
 * the eye is tapped), what is deposited each month and by whom, and the way
 * to 缴存明细, 贷款查询, 提取申请 and 贷款试算.
 */
export default function HousingFundHomePage() {
  const pageClass = usePageClass('page fund-home')
  const { service, name } = useRouteParams('service', 'name')
  useServiceUsage(service)
  const account = useRemote(() => getFundAccount(service), [service])
  // Back from 实名认证 (or a withdrawal that changed the balance): read the account again.
  usePageReturn(account.reload)
  const { state } = account

  return (
    <View className={pageClass} role="main">
      <PageTitle>{name || '公积金'}</PageTitle>
      <QueryStatus remote={account} identityText={FUND_IDENTITY_TEXT} final={FUND_FINAL_ANSWERS} />
      {state.status === 'ready' && (
        <>
          <View className="subpage-card card fund-balance">
            <View className="fund-balance__head">
              <Text className="fund-balance__caption">账户余额（元）</Text>
              <Text className={`status-tag status-tag--${fundAccountStatusTone(state.data.status)} fund-balance__status`}>
                {`账户状态：${fundAccountStatusLabel(state.data.status)}`}
              </Text>
            </View>
            <Text className="fund-balance__value">{yuanText(state.data.balanceFen)}</Text>
            <AccountNumber service={service} masked={state.data.accountNo} />
          </View>
          <Section id="fund-monthly-title" title="月缴存" className="subpage-card card fund-monthly" titleClassName="subpage-heading">
            <DetailList
              rows={[
                { label: '月缴存额', value: formatYuan(state.data.monthlyDepositFen), strong: true },
                { label: '个人缴存', value: `${formatYuan(state.data.personalMonthlyFen)}（比例 ${basisPointsText(state.data.personalRateBp)}）` },
                { label: '单位缴存', value: `${formatYuan(state.data.employerMonthlyFen)}（比例 ${basisPointsText(state.data.employerRateBp)}）` },
                { label: '缴存基数', value: formatYuan(state.data.depositBaseFen) },
                { label: '最近缴存', value: monthText(state.data.lastDepositMonth) },
                { label: '开户时间', value: monthText(state.data.openedMonth) },
                { label: '缴存单位', value: state.data.employer },
              ]}
            />
          </Section>
          <FundLinks service={service} />
        </>
      )}
      {state.status === 'error' && <FundLinks service={service} calculatorOnly />}
    </View>
  )
}
