import { describe, expect, it } from 'vitest'
import { transactionAmountText, transactionKindLabel } from '../../../src/domain/medical-transactions'

describe('medical account transactions', () => {
  it('signs the amount by its kind', () => {
    expect(transactionAmountText({ kind: 'credit', amountFen: 20_000 })).toBe('+200.00')
    expect(transactionAmountText({ kind: 'debit', amountFen: 5_630 })).toBe('-56.30')
    expect(transactionAmountText({ kind: 'debit', amountFen: 5 })).toBe('-0.05')
  })
  it('names the kind in words', () => {
    expect(transactionKindLabel('credit')).toBe('划入')
    expect(transactionKindLabel('debit')).toBe('支出')
  })
})
