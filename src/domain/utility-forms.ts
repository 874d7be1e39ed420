import type { FieldProblem } from './citizen-forms'

/** 户号 as the companies print them on a bill: 6 to 16 digits. */
export const ACCOUNT_NO_PATTERN = /^[0-9]{6,16}$/

/** Prepaid top-up limits (元 → fen): at least 10 元, at most 5000 元 a time. */
export const TOP_UP_MIN_FEN = 1_000
export const TOP_UP_MAX_FEN = 500_000

export interface UtilityAccountForm {
  providerId: string
  accountNo: string
}

/** 户号 without the spaces and dashes people type or paste from a bill. */
export function normalizeAccountForm(form: UtilityAccountForm): UtilityAccountForm {
  return { providerId: form.providerId.trim(), accountNo: form.accountNo.replace(/[\s-]/g, '') }
}

/** What is wrong with a bind form, one Chinese message per field. */
export function accountFormProblems(form: UtilityAccountForm): FieldProblem<keyof UtilityAccountForm>[] {
  const problems: FieldProblem<keyof UtilityAccountForm>[] = []
  if (!form.providerId) problems.push({ field: 'providerId', message: '请选择缴费单位' })
  if (!form.accountNo) problems.push({ field: 'accountNo', message: '请输入户号，可在纸质账单或缴费通知上找到' })
  else if (!ACCOUNT_NO_PATTERN.test(form.accountNo)) problems.push({ field: 'accountNo', message: '户号应为 6–16 位数字，请对照账单核对' })
  return problems
}

/**
 * A custom top-up amount typed in 元 (up to 2 decimals) as fen, or the
 * problem with it in Chinese.
 */
export function parseTopUpYuan(text: string): { fen: number } | { problem: string } {
  const t = text.trim()
  if (!/^[0-9]{1,6}(\.[0-9]{1,2})?$/.test(t)) return { problem: '请输入金额，如 100 或 88.50' }
  const [whole, part = ''] = t.split('.') as [string, string?]
  const fen = Number(whole) * 100 + Number(part.padEnd(2, '0'))
  if (fen < TOP_UP_MIN_FEN) return { problem: `每次至少充值 ${TOP_UP_MIN_FEN / 100} 元` }
  if (fen > TOP_UP_MAX_FEN) return { problem: `每次最多充值 ${TOP_UP_MAX_FEN / 100} 元` }
  return { fen }
}
