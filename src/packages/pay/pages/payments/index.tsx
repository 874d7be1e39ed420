import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { FormAlert } from '../../../../components/form-alert'
import { PageTitle } from '../../../../components/page-title'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { EmptyView } from '../../../../components/status-view'
import { usePageReturn } from '../../../../hooks/use-page-return'
import { usePayment } from '../../../../hooks/use-payment'
import { showNotice } from '../../../../services/navigation'
import { getPayment } from '../../../../services/payment-api'
import { errorMessage } from '../../../../services/request'
import { MyPaymentRow } from '../../components/my-payment-row'
import { useMyPayments } from '../../hooks/use-my-payments'
import { closeMyPayment } from '../../my-payments-api'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/**
 * 我的支付: every payment of the citizen across services, newest first, a
 * page at a time. Tapping one shows its receipt; a 待支付 one can be paid (the
 * same way its service pays) or closed.
 */
export default function MyPaymentsPage() {
  const pageClass = usePageClass('page my-payments')
  const list = useMyPayments()
  const [openId, setOpenId] = useState<string | null>(null)
  const [closing, setClosing] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const payment = usePayment({
    onDone: (outcome) => {
      if (outcome.kind === 'error') setFailure(outcome.message)
      else showNotice(outcome.kind === 'paid' ? '支付成功' : '支付未完成，订单仍待支付')
      list.reload()
    },
  })
  usePageReturn(list.reload)
  const { state } = list.remote

  const pay = (orderId: string) => {
    setFailure(null)
    getPayment(orderId).then(payment.payWith, (error: unknown) => setFailure(errorMessage(error)))
  }

  const close = async (orderId: string) => {
    const { confirm } = await Taro.showModal({ title: '关闭订单', content: '关闭后该订单不能再支付，如需缴费请到对应服务重新发起。确定关闭吗？', confirmText: '关闭订单', cancelText: '暂不关闭' })
    if (!confirm) return
    setClosing(true)
    setFailure(null)
    closeMyPayment(orderId).then(
      () => {
        showNotice('订单已关闭')
        list.reload()
      },
      (error: unknown) => setFailure(errorMessage(error)),
    ).finally(() => setClosing(false))
  }

  const busy = closing || payment.paying
  return (
    <View className={pageClass} role="main">
      <PageTitle>我的支付</PageTitle>
      <RemoteStatus remote={list.remote} />
      {failure && <FormAlert message={failure} />}
      {state.status === 'ready' && list.payments.length === 0 && <EmptyView text="暂无支付记录。缴纳罚款、挂号费等后会显示在这里" />}
      {list.payments.length > 0 && (
        <View className="subpage-card card" role="list" aria-label="我的支付">
          {list.payments.map((p) => (
            <MyPaymentRow
              key={p.orderId}
              payment={p}
              open={openId === p.orderId}
              onToggle={() => setOpenId(openId === p.orderId ? null : p.orderId)}
              onPay={busy ? undefined : () => pay(p.orderId)}
              onClose={busy ? undefined : () => void close(p.orderId)}
            />
          ))}
        </View>
      )}
      {list.moreError && <FormAlert message={list.moreError} />}
      {list.hasMore && (
        <Pressable className="button button--secondary my-payments__more" disabled={list.loadingMore} onPress={list.loadMore}>
          {list.loadingMore ? '正在加载…' : '加载更多'}
        </Pressable>
      )}
      {state.status === 'ready' && list.payments.length > 0 && !list.hasMore && <Text className="subpage-notice my-payments__end">没有更多了</Text>}
    </View>
  )
}
