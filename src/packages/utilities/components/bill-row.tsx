import { Text, View } from '@tarojs/components'
import type { BillT } from '../../../api/utilities'
import { Pressable } from '../../../components/pressable'
import { dateText } from '../../../domain/date-text'
import { formatYuan } from '../../../domain/money'

/** One month's bill: usage, amount, due date, status and late fee; an unpaid one can be chosen for 一键缴清. */
export function BillRow({ bill, selected, onToggle }: { bill: BillT; selected: boolean; onToggle: () => void }) {
  const body = (
    <>
      <View className="list-row__top">
        <Text className="list-row__title">{`${Number(bill.month.slice(5))}月账单`}</Text>
        <Text className={`status-tag status-tag--${bill.status}`}>{bill.status === 'paid' ? '已缴清' : '待缴费'}</Text>
      </View>
      <Text className="list-row__text">
        用量 {bill.usage} {bill.unit} · 金额 {formatYuan(bill.amountFen)}
      </Text>
      <Text className="list-row__text">缴费截止 {dateText(bill.dueDate)}</Text>
      {bill.lateFeeFen > 0 && <Text className="list-row__warn">已逾期，违约金 {formatYuan(bill.lateFeeFen)}</Text>}
    </>
  )
  if (bill.status === 'paid') {
    return (
      <View role="listitem" className="list-row bill-row">
        {body}
      </View>
    )
  }
  return (
    <View role="listitem">
      <Pressable className={selected ? 'list-row bill-row bill-row--selected' : 'list-row bill-row'} current={selected} onPress={onToggle}>
        {body}
        <Text className="bill-row__choose">{selected ? '✓ 已选择' : '点按选择'}</Text>
      </Pressable>
    </View>
  )
}
