import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../components/pressable'
import { openPage } from '../../../services/navigation'
import { depositsUrl, fundLoansUrl, loanCalculatorUrl, withdrawalUrl } from '../../../services/routes'

/**
 * Where the account page leads: each a row that says what is behind it.
 * `calculatorOnly` when the account cannot be read: 贷款试算 needs neither it nor 实名认证.
 */
export function FundLinks({ service, calculatorOnly = false }: { service: string; calculatorOnly?: boolean }) {
  const links = [
    { className: 'fund-links__deposits', title: '缴存明细', text: '按年份查看每月汇缴、结息和提取', url: depositsUrl(service) },
    { className: 'fund-links__loans', title: '贷款查询', text: '公积金贷款的余额、利率和还款计划', url: fundLoansUrl(service) },
    { className: 'fund-links__withdraw', title: '提取申请', text: '查看可办理的提取原因和额度，在线申请', url: withdrawalUrl(service) },
    { className: 'fund-links__calculator', title: '贷款试算', text: '等额本息、等额本金的月供和利息', url: loanCalculatorUrl() },
  ]
  return (
    <View className="subpage-card card fund-links">
      {(calculatorOnly ? links.slice(-1) : links).map((link) => (
        <Pressable key={link.title} className={`list-row ${link.className}`} onPress={() => openPage(link.url)}>
          <Text className="list-row__title">{link.title}</Text>
          <Text className="list-row__text">{link.text}</Text>
        </Pressable>
      ))}
    </View>
  )
}
