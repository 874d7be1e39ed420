import { describe, expect, it } from 'vitest'
import { fundAccountStatusLabel, fundAccountStatusTone } from '../../../src/domain/fund-account-status'

describe('fund account status', () => {
  it('in Chinese', () => {
    expect(fundAccountStatusLabel('normal')).toBe('正常缴存')
    expect(fundAccountStatusLabel('sealed')).toBe('封存')
    expect(fundAccountStatusLabel('closed')).toBe('销户')
    expect(fundAccountStatusLabel('frozen')).toBe('状态未知')
  })
  it('only 正常缴存 is good news', () => {
    expect(fundAccountStatusTone('normal')).toBe('done')
    expect(fundAccountStatusTone('sealed')).toBe('pending')
    expect(fundAccountStatusTone('closed')).toBe('cancelled')
  })
})
