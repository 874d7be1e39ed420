import type { Fen } from './money'

/** An amount the citizen typed, read exactly: fen, or what to fix in Chinese. */
export type YuanAmount = { fen: Fen } | { problem: string }

export const AMOUNT_EMPTY_MESSAGE = '请输入金额'
export const AMOUNT_FORMAT_MESSAGE = '请输入数字金额，例如 5000 或 5000.50'
export const AMOUNT_DECIMALS_MESSAGE = '金额最多保留两位小数（精确到分）'
export const AMOUNT_ZERO_MESSAGE = '金额须大于 0 元'
export const AMOUNT_TOO_LARGE_MESSAGE = '金额过大，请核对后重新输入'

// 100 亿元 in fen: more than any account holds, and far inside exact integers.
const MAX_FEN = 1_000_000_000_000

/**
 * Phone keyboards in Chinese input modes give full-width digits and the
 * ideographic full stop for the decimal point; people also type thousands
 * separators and 元. All of these mean the same amount, so they are accepted.
 */
function normalize(text: string): string {
  return text
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[\s,，]/g, '')
    .replace(/元$/, '')
}

/**
 * Reads a yuan amount ("5000", "5,000.5", "５０００．５０") into integer fen
 * without floating point. Refuses empty text, anything that is not a plain
 * non-negative decimal, more than two decimals (there is nothing below 分),
 * zero and absurdly large amounts, each with its own message.
 */
export function parseYuanAmount(text: string): YuanAmount {
  const value = normalize(text)
  if (value === '') return { problem: AMOUNT_EMPTY_MESSAGE }
  const match = /^(\d+)(?:\.(\d*))?$/.exec(value) ?? /^()\.(\d+)$/.exec(value)
  if (!match) return { problem: AMOUNT_FORMAT_MESSAGE }
  const whole = match[1] ?? ''
  const decimals = match[2] ?? ''
  if (decimals.length > 2) return { problem: AMOUNT_DECIMALS_MESSAGE }
  const digits = whole.replace(/^0+(?=\d)/, '')
  if (digits.length > 10) return { problem: AMOUNT_TOO_LARGE_MESSAGE }
  const fen = Number(digits || '0') * 100 + Number(decimals.padEnd(2, '0'))
  if (fen === 0) return { problem: AMOUNT_ZERO_MESSAGE }
  if (fen > MAX_FEN) return { problem: AMOUNT_TOO_LARGE_MESSAGE }
  return { fen }
}
