import { describe, expect, it } from 'vitest'
import { INSURANCE_TYPES } from '../../../src/api/social-security'
import { INSURANCE_ORDER, insuranceTypeName, insuredStatusLabel, insuredStatusTone } from '../../../src/domain/insurance-labels'

describe('insurance labels', () => {
  it('knows every insurance of the contract, in its order', () => {
    expect(INSURANCE_ORDER).toEqual(INSURANCE_TYPES)
    expect(INSURANCE_ORDER.map(insuranceTypeName)).toEqual(['养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险'])
    expect(insuranceTypeName('care')).toBe('care')
  })
  it('says each status in words', () => {
    expect(insuredStatusLabel('active')).toBe('正常参保')
    expect(insuredStatusLabel('suspended')).toBe('暂停缴费')
    expect(insuredStatusLabel('not-insured')).toBe('未参保')
    expect(insuredStatusLabel('unknown')).toBe('未参保')
  })
  it('tones support the words', () => {
    expect(insuredStatusTone('active')).toBe('done')
    expect(insuredStatusTone('suspended')).toBe('pending')
    expect(insuredStatusTone('not-insured')).toBe('cancelled')
  })
})
