import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { formatPrice, formatYuan } from '../../../../domain/money'
import { arrearsOf } from '../../../../domain/utility-arrears'
import { billsByYear } from '../../../../domain/utility-bill-years'
import { UTILITY_KINDS } from '../../../../domain/utility-kinds'
import { usePayment } from '../../../../hooks/use-payment'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { useServiceUsage } from '../../../../hooks/use-service-usage'
import { getBills, payBills } from '../../api'
import { BillRow } from '../../components/bill-row'
import { PayResult } from '../../components/pay-result'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import { useSubscriptionOffer } from '../../../../hooks/use-subscription-offer'
import { askForSubscriptionsOnTap } from '../../../../services/subscription-request'
import './index.scss'

/**
 * An account's bills by month (usage, amount, due date, status, late fee).
 * Every unpaid bill starts chosen; 一键缴清 pays the chosen ones with their
 * late fees in one payment.
 */
export default function BillsPage() {
  const pageClass = usePageClass('page utilities-bills')
  const { service, account } = useRouteParams('service', 'account')
  const list = useRemote(() => getBills(service, account), [service, account])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const { state } = list
  const bills = state.status === 'ready' ? state.data.bills : []
  const unpaidKey = bills.filter((b) => b.status === 'unpaid').map((b) => b.id).join(',')
  useEffect(() => setSelected(new Set(unpaidKey ? unpaidKey.split(',') : [])), [unpaidKey])

  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s)
      if (!next.delete(id)) next.add(id)
      return next
    })
  const chosen = arrearsOf(bills, selected)
  // Anonymous submit/success/error of the payment; the use was counted on the service's first page.
  const usage = useServiceUsage(service, { open: false })
  const payment = usePayment({
    open: () => payBills(service, account, bills.filter((b) => b.status === 'unpaid' && selected.has(b.id)).map((b) => b.id)),
    usage,
    cannotPayMessage: '当前环境无法完成支付，请在微信中打开本服务缴费',
    // Whatever happened (paid, refunded, a bill paid elsewhere meanwhile), the bills shown may be out of date.
    onDone: list.reload,
  })
  const pay = payment.pay
  useSubscriptionOffer()
  // The citizen's tap on 缴费: WeChat's subscription dialog for the 缴费成功 message comes first, then the wallet.
  const onPayTap = () => {
    askForSubscriptionsOnTap(['payment'])
    pay()
  }

  return (
    <View className={pageClass} role="main">
      <PageTitle>账单</PageTitle>
      <RemoteStatus remote={list} />
      {payment.outcome && <PayResult outcome={payment.outcome} what={state.status === 'ready' ? UTILITY_KINDS[state.data.account.providerKind].label : '费用'} onRetry={pay} />}
      {state.status === 'ready' && (
        <>
          <Text className="subpage-lead">
            {state.data.account.providerName} · 户号 {state.data.account.accountNo} · 户名 {state.data.account.holderName}
          </Text>
          <Text className="subpage-lead utilities-bills__summary">
            {state.data.summary.unpaidCount > 0
              ? `待缴 ${state.data.summary.unpaidCount} 笔，合计 ${formatYuan(state.data.summary.totalDueFen)}（含违约金 ${formatYuan(state.data.summary.lateFeeFen)}）`
              : '没有待缴账单'}
          </Text>
          {/* The total and 一键缴清 come first: the arrears are the newest bills, and paying them is why one opens this page. */}
          {state.data.summary.unpaidCount > 0 && (
            <View className="utilities-total card" role="region" aria-label="缴费合计">
              <Text className="list-row__text">
                已选 {chosen.count} 笔 · 账单 {formatYuan(chosen.amountFen)} · 违约金 {formatYuan(chosen.lateFeeFen)}
              </Text>
              <Text className="utilities-total__amount">{formatPrice(chosen.totalFen)}</Text>
              <View className="subpage-actions">
                {payment.paying && (
                  <View className="subpage-lead" role="status">
                    正在处理缴费…
                  </View>
                )}
                <Pressable className="button button--primary utilities-bills__pay" disabled={payment.paying || chosen.count === 0} onPress={onPayTap}>
                  一键缴清
                </Pressable>
              </View>
            </View>
          )}
          {bills.length === 0 ? (
            <EmptyView text="暂无账单" />
          ) : (
            billsByYear(bills).map((group) => (
              <View key={group.year} className="subpage-card card" role="list" aria-label={`${group.year}年账单`}>
                <Text className="utilities-year">{group.year}年</Text>
                {group.bills.map((bill) => (
                  <BillRow key={bill.id} bill={bill} selected={selected.has(bill.id)} onToggle={() => toggle(bill.id)} />
                ))}
              </View>
            ))
          )}
        </>
      )}
    </View>
  )
}
