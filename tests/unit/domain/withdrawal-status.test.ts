import { describe, expect, it } from 'vitest'
import { withdrawalStatusLabel, withdrawalStatusTone } from '../../../src/domain/withdrawal-status'

describe('withdrawal status', () => {
  it('says what happens next', () => {
    expect(withdrawalStatusLabel('approved')).toBe('已办结，资金转入登记银行卡')
    expect(withdrawalStatusLabel('reviewing')).toBe('待审核，请携带材料到柜台')
  })
  it('an unknown status reads as 处理中', () => {
    expect(withdrawalStatusLabel('escalated')).toBe('处理中')
    expect(withdrawalStatusTone('escalated')).toBe('pending')
    expect(withdrawalStatusTone('approved')).toBe('done')
  })
})
