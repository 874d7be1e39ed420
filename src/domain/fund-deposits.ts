import { yuanText, type Fen } from './money'

/** One line of 缴存明细 (housing-fund@1): amounts are positive; the kind says which way the money went. */
export interface FundDeposit {
  kind: string
  amountFen: Fen
}

export type DepositKind = 'deposit' | 'interest' | 'withdrawal'

export const DEPOSIT_KIND_LABELS: Record<DepositKind, string> = {
  deposit: '汇缴',
  interest: '结息',
  withdrawal: '提取',
}

/** The kind in Chinese; one the app does not know reads as 其他. */
export function depositKindLabel(kind: string): string {
  return DEPOSIT_KIND_LABELS[kind as DepositKind] ?? '其他'
}

/** True when the line took money out of the account. */
export function isOutgoing(record: FundDeposit): boolean {
  return record.kind === 'withdrawal'
}

/** An amount with its direction, "+1200.00" or "-5000.00", so it never rests on colour; nothing moved is plain "0.00". */
export function signedFenText(fen: Fen, outgoing: boolean): string {
  const abs = Math.abs(fen)
  if (abs === 0) return yuanText(0)
  return `${outgoing ? '-' : '+'}${yuanText(abs)}`
}

/** A record's amount with its direction (see signedFenText). */
export function signedYuanText(record: FundDeposit): string {
  return signedFenText(record.amountFen, isOutgoing(record))
}

export interface DepositTotals {
  /** 汇缴: what the employee and employer paid in. */
  depositFen: Fen
  /** 结息: the yearly interest credited. */
  interestFen: Fen
  /** 提取: what was taken out. */
  withdrawalFen: Fen
}

/** A year's totals by kind, in exact fen. */
export function depositTotals(records: readonly FundDeposit[]): DepositTotals {
  const totals: DepositTotals = { depositFen: 0, interestFen: 0, withdrawalFen: 0 }
  for (const r of records) {
    if (r.kind === 'deposit') totals.depositFen += r.amountFen
    else if (r.kind === 'interest') totals.interestFen += r.amountFen
    else if (r.kind === 'withdrawal') totals.withdrawalFen += r.amountFen
  }
  return totals
}
