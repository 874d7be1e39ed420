import { describe, expect, it } from 'vitest'
import { amountOverMaxMessage, checkWithdrawalAmount } from '../../../src/domain/withdrawal-amount'
import { AMOUNT_DECIMALS_MESSAGE, AMOUNT_EMPTY_MESSAGE, AMOUNT_ZERO_MESSAGE } from '../../../src/domain/yuan-amount'

describe('checkWithdrawalAmount', () => {
  it('up to the maximum, the maximum included', () => {
    expect(checkWithdrawalAmount('1500', 150_000)).toEqual({ fen: 150_000 })
    expect(checkWithdrawalAmount('1499.99', 150_000)).toEqual({ fen: 149_999 })
  })

  it('one fen over the maximum is refused with the maximum named', () => {
    expect(checkWithdrawalAmount('1500.01', 150_000)).toEqual({ problem: amountOverMaxMessage(150_000) })
    expect(amountOverMaxMessage(150_000)).toBe('提取金额不能超过本次最多可提取的 1500.00 元')
  })

  it('the amount’s own problems come first', () => {
    expect(checkWithdrawalAmount('', 150_000)).toEqual({ problem: AMOUNT_EMPTY_MESSAGE })
    expect(checkWithdrawalAmount('0', 150_000)).toEqual({ problem: AMOUNT_ZERO_MESSAGE })
    expect(checkWithdrawalAmount('1.234', 150_000)).toEqual({ problem: AMOUNT_DECIMALS_MESSAGE })
  })
})
