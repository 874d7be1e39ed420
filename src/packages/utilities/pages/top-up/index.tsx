import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Pressable } from '../../../../components/pressable'
import { TextField } from '../../../../components/text-field'
import { formatPrice } from '../../../../domain/money'
import { parseTopUpYuan } from '../../../../domain/utility-forms'
import { usePayment } from '../../../../hooks/use-payment'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { useServiceUsage } from '../../../../hooks/use-service-usage'
import { randomToken } from '../../../../services/random-token'
import { topUp } from '../../api'
import { PayResult } from '../../components/pay-result'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

const CHIPS_FEN = [5_000, 10_000, 20_000, 50_000]

/**
 * 电费充值 of a prepaid meter: an amount from the chips or typed in 元, paid in
 * one payment. A repeated tap reuses the same request id (the same order); a
 * new one is made after each finished top-up.
 */
export default function TopUpPage() {
  const pageClass = usePageClass('page utilities-top-up')
  const { service, account } = useRouteParams('service', 'account')
  const [chip, setChip] = useState<number | null>(10_000)
  const [custom, setCustom] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const [requestId, setRequestId] = useState(() => randomToken(20))
  const amount = chip !== null ? { fen: chip } : parseTopUpYuan(custom)
  const usage = useServiceUsage(service, { open: false })
  const payment = usePayment({
    // pay() opens it only once the amount is valid.
    open: () => topUp(service, account, 'fen' in amount ? amount.fen : 0, requestId),
    usage,
    cannotPayMessage: '当前环境无法完成支付，请在微信中打开本服务缴费',
    // A finished top-up makes room for the next; after an error a retry stays the same order.
    onDone: (outcome) => {
      if (outcome.kind !== 'error') setRequestId(randomToken(20))
    },
  })
  const pay = () => {
    if ('problem' in amount) setProblem(amount.problem)
    else payment.pay()
  }

  return (
    <View className={pageClass} role="main">
      <PageTitle>电费充值</PageTitle>
      <Text className="subpage-lead">预付费电表先充值后用电，余额不足时请及时充值。每次可充 10–5000 元。</Text>
      {payment.outcome && <PayResult outcome={payment.outcome} what="充值" onRetry={pay} />}
      <View className="subpage-form card" role="form" aria-label="充值金额">
        <Text id="top-up-label" className="text-field__label">
          充值金额
        </Text>
        <View className="choice-chips" role="group" aria-labelledby="top-up-label">
          {CHIPS_FEN.map((fen) => (
            <Pressable
              key={fen}
              className={chip === fen ? 'choice-chip choice-chip--on' : 'choice-chip'}
              current={chip === fen}
              onPress={() => {
                setChip(fen)
                setProblem(undefined)
              }}
            >
              {`${chip === fen ? '✓ ' : ''}${fen / 100} 元`}
            </Pressable>
          ))}
        </View>
        <TextField
          id="top-up-custom"
          label="其他金额（元）"
          placeholder="如 88.50"
          value={custom}
          error={problem}
          maxlength={10}
          type="digit"
          onChange={(v) => {
            setCustom(v)
            setChip(null)
            setProblem(undefined)
          }}
        />
        <View className="subpage-actions">
          {payment.paying && (
            <View className="subpage-lead" role="status">
              正在处理充值…
            </View>
          )}
          <Pressable className="button button--primary utilities-top-up__pay" disabled={payment.paying} onPress={pay}>
            {chip !== null ? `充值 ${formatPrice(chip)}` : '立即充值'}
          </Pressable>
        </View>
      </View>
    </View>
  )
}
