import { Text, View } from '@tarojs/components'
import type { ContributionMonth } from '../../../domain/contribution-months'
import { formatYuan } from '../../../domain/money'

/**
 * One month of 缴费记录: the base, then per insurance what the citizen and
 * the employer paid, and the month's totals; a month without records says
 * 未缴费 (a gap) in words.
 */
export function ContributionMonthRow({ month: m }: { month: ContributionMonth }) {
  return (
    <View className={m.paid ? 'list-row contribution-month' : 'list-row contribution-month contribution-month--gap'} role="listitem">
      <View className="list-row__top">
        <Text className="list-row__title">{m.label}</Text>
        <Text className={m.paid ? 'status-tag status-tag--done' : 'status-tag status-tag--unpaid'}>{m.paid ? '已缴费' : '未缴费'}</Text>
      </View>
      {!m.paid && <Text className="list-row__text">本月没有缴费记录</Text>}
      {m.paid && (
        <>
          <Text className="list-row__text">参保单位 {m.employers.join('、')}</Text>
          {m.baseFen !== undefined && <Text className="list-row__text">缴费基数 {formatYuan(m.baseFen)}</Text>}
          <View className="contribution-parts">
            {m.parts.map((p) => (
              <View key={p.type} className="contribution-part">
                <Text className="contribution-part__name">{p.typeName}</Text>
                <View className="contribution-part__amounts">
                  {m.baseFen === undefined && <Text className="contribution-part__amount">基数 {formatYuan(p.baseFen)}</Text>}
                  <Text className="contribution-part__amount">个人 {formatYuan(p.personalFen)}</Text>
                  <Text className="contribution-part__amount">单位 {formatYuan(p.employerFen)}</Text>
                </View>
              </View>
            ))}
          </View>
          <View className="contribution-month__total">
            <Text className="contribution-month__total-item">本月合计</Text>
            <Text className="contribution-month__total-item">个人 {formatYuan(m.personalFen)}</Text>
            <Text className="contribution-month__total-item">单位 {formatYuan(m.employerFen)}</Text>
          </View>
        </>
      )}
    </View>
  )
}
