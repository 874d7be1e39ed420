import { Text, View } from '@tarojs/components'
import { Section } from '../../../../components/section'
import { EmptyView } from '../../../../components/status-view'
import { yuanText } from '../../../../domain/money'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getMedicalAccount } from '../../../../services/social-security-api'
import { MedicalTransactionRow } from '../../components/medical-transaction-row'
import { QueryStatus } from '../../../../components/query-status'
import { NOT_INSURED } from '../../components/not-insured'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** 医保账户: the personal account's balance, large, and its latest transactions, newest first. */
export default function MedicalAccountPage() {
  const pageClass = usePageClass('page ss-medical')
  const { service } = useRouteParams('service')
  const account = useRemote(() => getMedicalAccount(service), [service])
  // Back from 实名认证 (or from paying at a pharmacy with the e-card): the balance may have changed.
  usePageReturn(account.reload)
  const { state } = account

  return (
    <View className={pageClass} role="main">
      <PageTitle>医保账户</PageTitle>
      <QueryStatus remote={account} identityText="查询医保账户需要先完成实名认证" final={NOT_INSURED} />
      {state.status === 'ready' && (
        <>
          <View className="subpage-card card medical-balance">
            <Text className="medical-balance__label">个人账户余额（元）</Text>
            <Text className="medical-balance__value">{yuanText(state.data.balanceFen)}</Text>
            <Text className="medical-balance__note">以医保经办机构的记录为准</Text>
          </View>
          <Section id="ss-medical-transactions-title" title="收支明细" className="ss-section" titleClassName="section-title">
            {state.data.transactions.length === 0 ? (
              <EmptyView text="暂无收支记录" />
            ) : (
              <View className="card" role="list" aria-label="收支明细">
                {state.data.transactions.map((t) => (
                  <MedicalTransactionRow key={t.id} transaction={t} />
                ))}
              </View>
            )}
          </Section>
        </>
      )}
    </View>
  )
}
