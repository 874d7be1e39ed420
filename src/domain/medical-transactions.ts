import { yuanText } from './money'

type Transaction = { kind: 'credit' | 'debit'; amountFen: number }

/** 划入 for money paid into the account, 支出 for spending: the word carries what the sign and colour suggest. */
export function transactionKindLabel(kind: Transaction['kind']): string {
  return kind === 'credit' ? '划入' : '支出'
}

/**
 * A transaction's amount with its direction: "+200.00" for a credit,
 * "-56.30" for a debit. The agency sends amounts unsigned; the kind decides.
 */
export function transactionAmountText(tx: Transaction): string {
  return `${tx.kind === 'credit' ? '+' : '-'}${yuanText(Math.abs(tx.amountFen))}`
}
