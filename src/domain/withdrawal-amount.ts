import { formatYuan, type Fen } from './money'
import { parseYuanAmount, type YuanAmount } from './yuan-amount'

/** The message when the amount is more than the reason allows; it names the maximum so the citizen knows what to type. */
export function amountOverMaxMessage(maxAmountFen: Fen): string {
  return `提取金额不能超过本次最多可提取的 ${formatYuan(maxAmountFen)}`
}

/**
 * A typed withdrawal amount checked before anything is sent: a valid yuan
 * amount (see parseYuanAmount) and at most the reason's maximum as the fund
 * centre last answered it. The centre checks again (AMOUNT_TOO_HIGH), since
 * the balance can change in between.
 */
export function checkWithdrawalAmount(text: string, maxAmountFen: Fen): YuanAmount {
  const amount = parseYuanAmount(text)
  if ('problem' in amount) return amount
  if (amount.fen > maxAmountFen) return { problem: amountOverMaxMessage(maxAmountFen) }
  return amount
}
