import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ENGINE_TAIL_MESSAGE,
  NAME_MESSAGE,
  identityFormProblems,
  isPersonName,
  normalizeIdentityForm,
  normalizeVehicleForm,
  vehicleFormProblems,
} from '../../../src/domain/citizen-forms'
import { idCheckCharacter } from '../../../src/domain/id-number'

const TODAY = '2026-11-22'

describe('identity form', () => {
  it('accepts a real name and a valid ID number, as people type them (spaces, lower-case x)', () => {
    const form = normalizeIdentityForm({ name: ' 张伟 ', idNumber: '11010519491231002x ' })
    expect(form).toEqual({ name: '张伟', idNumber: '11010519491231002X' })
    expect(identityFormProblems(form, TODAY)).toEqual([])
  })

  it('names every wrong field at once, with what to fix', () => {
    expect(identityFormProblems({ name: 'Zhang', idNumber: '110105194912310021' }, TODAY)).toEqual([
      { field: 'name', message: NAME_MESSAGE },
      { field: 'idNumber', message: expect.stringContaining('校验码') },
    ])
    expect(identityFormProblems({ name: '张伟', idNumber: '11010520991231002' }, TODAY)[0]!.message).toContain('18 位')
  })

  it('takes minority names with the middle dot, typed with look-alike dots too', () => {
    expect(isPersonName('阿依古丽·买买提')).toBe(true)
    expect(normalizeIdentityForm({ name: '阿依古丽•买买提', idNumber: '' }).name).toBe('阿依古丽·买买提')
    for (const bad of ['张', '·张三', '张三·', '张 三', 'A张']) expect(isPersonName(bad)).toBe(false)
  })

  it('property: any valid ID number born by today passes; changing its check character fails', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-22'), noInvalidDate: true }), fc.stringMatching(/^[0-9]{3}$/), (birth, seq) => {
        const first17 = `440305${birth.toISOString().slice(0, 10).replace(/-/g, '')}${seq}`
        const check = idCheckCharacter(first17)
        expect(identityFormProblems({ name: '李娜', idNumber: first17 + check }, TODAY)).toEqual([])
        const wrong = check === '0' ? '1' : '0'
        expect(identityFormProblems({ name: '李娜', idNumber: first17 + wrong }, TODAY).map((p) => p.field)).toEqual(['idNumber'])
      }),
    )
  })
})

describe('vehicle form', () => {
  it('normalizes what people type: dot, spaces, lower case', () => {
    expect(normalizeVehicleForm({ plateType: '02', plate: '川a·12345', engineTail: ' 73215b' })).toEqual({ plateType: '02', plate: '川A12345', engineTail: '73215B' })
  })

  it('accepts ordinary and new-energy plates with their types', () => {
    expect(vehicleFormProblems({ plateType: '02', plate: '川A12345', engineTail: '73215B' })).toEqual([])
    expect(vehicleFormProblems({ plateType: '52', plate: '粤BD12345', engineTail: '000001' })).toEqual([])
  })

  it('puts each problem under its field: type, plate (I/O, length), engine tail', () => {
    expect(vehicleFormProblems({ plateType: '', plate: '川A12345', engineTail: '73215B' })).toEqual([{ field: 'plateType', message: '请选择号牌种类' }])
    expect(vehicleFormProblems({ plateType: '02', plate: '川AI2345', engineTail: '7321' })).toEqual([
      { field: 'plate', message: expect.stringContaining('I 和 O') },
      { field: 'engineTail', message: ENGINE_TAIL_MESSAGE },
    ])
    expect(vehicleFormProblems({ plateType: '52', plate: '粤B12345', engineTail: '73215B' })[0]!.message).toContain('8 位')
  })
})
