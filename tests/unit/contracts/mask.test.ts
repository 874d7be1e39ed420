import fc from 'fast-check'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { MaskedIdNumber, MaskedName } from '../../../src/api/common'
import { maskIdNumber, maskName, maskPhone, maskPlate, maskTail } from '../../../src/domain/mask'

const idNumber = fc.tuple(fc.stringMatching(/^[0-9]{17}$/), fc.constantFrom(...'0123456789X')).map(([a, b]) => a + b)

describe('maskIdNumber', () => {
  it.each([
    ['44030119900101123X', '4403**********123X'],
    ['510600199001010011', '5106**********0011'],
    ['110101800101001', '110*********001'],
    ['1234567890', '12******90'],
    ['12345678', '********'],
    ['', ''],
  ])('%s → %s', (input, masked) => {
    expect(maskIdNumber(input)).toBe(masked)
  })

  it('keeps the length, the first 4 and last 4 of an 18-character number, and fits the contract format', () => {
    fc.assert(
      fc.property(idNumber, (id) => {
        const m = maskIdNumber(id)
        expect(m).toHaveLength(18)
        expect(m.slice(0, 4)).toBe(id.slice(0, 4))
        expect(m.slice(-4)).toBe(id.slice(-4))
        expect(m.slice(4, 14)).toBe('*'.repeat(10))
        expect(Value.Check(MaskedIdNumber(), m)).toBe(true)
      }),
    )
  })

  it('never shows more than half of any input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        const visible = [...maskIdNumber(s)].filter((c) => c !== '*').length
        expect(visible).toBeLessThanOrEqual([...s].length / 2)
      }),
    )
  })
})

describe('maskPhone', () => {
  it.each([
    ['13812341234', '138****1234'],
    ['+8613812341234', '138****1234'],
    ['86 138 1234 1234', '138****1234'],
    ['138-1234-1234', '138****1234'],
    ['0838-2418888', '083****8888'],
    ['12345', '*2345'],
    ['1234', '****'],
  ])('%s → %s', (input, masked) => {
    expect(maskPhone(input)).toBe(masked)
  })

  it('a mobile number keeps its first 3 and last 4 digits only', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9][0-9]{9}$/), (phone) => {
        const m = maskPhone(phone)
        expect(m).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`)
        expect(m).not.toContain(phone.slice(3, 7) + phone.slice(7))
      }),
    )
  })
})

describe('maskName and maskTail', () => {
  it.each([
    ['张三', '*三'],
    ['欧阳娜娜', '***娜'],
    ['王', '王'],
    [' 李四 ', '*四'],
  ])('maskName(%s) → %s', (input, masked) => {
    expect(maskName(input)).toBe(masked)
  })

  it('masked Chinese names fit the contract format', () => {
    for (const name of ['张三', '欧阳娜娜', '买买提·艾力']) expect(Value.Check(MaskedName(), maskName(name))).toBe(true)
  })

  it.each([
    ['6217000012345678', '************5678'],
    ['1234', '****'],
    ['F12345678', '*****5678'],
  ])('maskTail(%s) → %s', (input, masked) => {
    expect(maskTail(input)).toBe(masked)
  })
})

describe('maskPlate', () => {
  it.each([
    ['川A12345', '川A***45'],
    ['粤BD12345', '粤B****45'],
    ['京A1234挂', '京A***4挂'],
  ])('maskPlate(%s) → %s', (plate, masked) => {
    expect(maskPlate(plate)).toBe(masked)
  })
})
