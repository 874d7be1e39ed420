import { Text, View } from '@tarojs/components'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { formatChinaDateTime } from '../../../../domain/china-time'
import { formatYuan } from '../../../../domain/money'
import { monthsText } from '../../../../domain/utility-arrears'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getHistory } from '../../api'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

const CHANNELS = { online: '线上缴费', counter: '营业厅', bank: '银行代扣', prepaid: '预付费余额' } as const

/** 缴费记录: an account's payments at the company through every channel, newest first. */
export default function HistoryPage() {
  const pageClass = usePageClass('page utilities-history')
  const { service, account } = useRouteParams('service', 'account')
  const history = useRemote(() => getHistory(service, account), [service, account])
  const { state } = history
  return (
    <View className={pageClass} role="main">
      <PageTitle>缴费记录</PageTitle>
      <RemoteStatus remote={history} />
      {state.status === 'ready' && (
        <>
          <Text className="subpage-lead">
            {state.data.account.providerName} · 户号 {state.data.account.accountNo}
          </Text>
          {state.data.payments.length === 0 ? (
            <EmptyView text="暂无缴费记录" />
          ) : (
            <View className="subpage-card card" role="list" aria-label="缴费记录">
              {state.data.payments.map((p) => (
                <View key={p.receiptNo} role="listitem" className="list-row payment-row">
                  <View className="list-row__top">
                    <Text className="list-row__title">{p.kind === 'top-up' ? '充值' : `${monthsText(p.months)}账单`}</Text>
                    <Text className="list-row__title">{formatYuan(p.amountFen)}</Text>
                  </View>
                  <Text className="list-row__text">
                    {formatChinaDateTime(p.paidAt)} · {CHANNELS[p.channel]}
                  </Text>
                  <Text className="list-row__text">凭证号 {p.receiptNo}</Text>
                </View>
              ))}
            </View>
          )}
        </>
      )}
    </View>
  )
}
