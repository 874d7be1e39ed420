import { Text, View } from '@tarojs/components'
import type { MyPaymentT } from '../../../api/my-payments'
import { DetailList, type DetailRow } from '../../../components/detail-list'
import { Pressable } from '../../../components/pressable'
import { formatChinaDateTime } from '../../../domain/china-time'
import { formatPrice } from '../../../domain/money'
import { MY_PAYMENT_STATE_LABELS } from '../../../domain/my-payment'

export interface MyPaymentRowProps {
  payment: MyPaymentT
  /** The receipt is shown under the row. */
  open: boolean
  onToggle: () => void
  /** 去支付 and 关闭订单 of a 待支付 one; undefined while one runs. */
  onPay?: () => void
  onClose?: () => void
}

/** The receipt of one payment: amount, service and city, what it paid for, order number, times and refund. */
function receiptRows(p: MyPaymentT): DetailRow[] {
  return [
    { label: '金额', value: formatPrice(p.amountFen), strong: true },
    { label: '服务', value: `${p.cityName} · ${p.serviceName}` },
    { label: '缴费项目', value: p.item.name },
    ...(p.item.plate ? [{ label: '车辆', value: p.item.plate }] : []),
    { label: '订单号', value: p.orderId },
    { label: '下单时间', value: formatChinaDateTime(p.createdAt) },
    ...(p.paidAt ? [{ label: '支付时间', value: formatChinaDateTime(p.paidAt) }] : []),
    ...(p.state === 'open' ? [{ label: '支付截止', value: formatChinaDateTime(p.expiresAt) }] : []),
    ...(p.receiptNo ? [{ label: '缴款书编号', value: p.receiptNo }] : []),
    ...(p.refundFen !== undefined ? [{ label: '退款金额', value: formatPrice(p.refundFen) }] : []),
    ...(p.refundedAt ? [{ label: '退款时间', value: formatChinaDateTime(p.refundedAt) }] : []),
  ]
}

/** One payment in 我的支付: its status in words, what and where, the amount; tapped, its receipt and, while 待支付, 去支付 and 关闭订单. */
export function MyPaymentRow({ payment: p, open, onToggle, onPay, onClose }: MyPaymentRowProps) {
  return (
    <View className="list-row my-payment" role="listitem">
      <Pressable className="my-payment__summary" onPress={onToggle} label={`${p.item.name} ${formatPrice(p.amountFen)} ${MY_PAYMENT_STATE_LABELS[p.state]}，${open ? '收起' : '查看'}凭证`}>
        <View className="list-row__top">
          <Text className="list-row__title">{`${p.cityName} · ${p.serviceName}`}</Text>
          <Text className={`status-tag status-tag--${p.state} my-payment__state`}>{MY_PAYMENT_STATE_LABELS[p.state]}</Text>
        </View>
        <Text className="list-row__text">
          {p.item.name}
          {p.item.plate && ` · ${p.item.plate}`}
          {` · ${formatPrice(p.amountFen)}`}
        </Text>
        <Text className="list-row__text">{formatChinaDateTime(p.createdAt)}</Text>
      </Pressable>
      {open && (
        <View className="my-payment__receipt" role="region" aria-label="支付凭证">
          <DetailList rows={receiptRows(p)} />
          {p.state === 'open' && (
            <View className="subpage-actions">
              <Pressable className="button button--primary my-payment__pay" disabled={!onPay} onPress={() => onPay?.()}>
                去支付
              </Pressable>
              <Pressable className="button button--secondary my-payment__close" disabled={!onClose} onPress={() => onClose?.()}>
                关闭订单
              </Pressable>
            </View>
          )}
        </View>
      )}
    </View>
  )
}
