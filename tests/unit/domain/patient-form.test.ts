import { describe, expect, it } from 'vitest'
import { normalizePatientForm, patientFormProblems, RELATION_MESSAGE } from '../../../src/domain/patient-form'
import { ADDABLE_RELATIONS, PATIENT_RELATION_LABELS, relationLabel } from '../../../src/domain/patient-relations'

const TODAY = '2026-11-20'

describe('就诊人 form', () => {
  it('offers 配偶, 子女, 父母, 其他 and calls the citizen 本人', () => {
    expect(ADDABLE_RELATIONS.map((r) => PATIENT_RELATION_LABELS[r])).toEqual(['配偶', '子女', '父母', '其他'])
    expect(relationLabel('self')).toBe('本人')
    expect(relationLabel('cousin')).toBe('其他')
  })

  it('normalizes name and ID number as 实名认证 does', () => {
    expect(normalizePatientForm({ name: ' 张伟 ', idNumber: '51060319900307123x ', relation: 'child' })).toEqual({
      name: '张伟',
      idNumber: '51060319900307123X',
      relation: 'child',
    })
  })

  it('accepts a valid form', () => {
    expect(patientFormProblems({ name: '张伟', idNumber: '510603199003071238', relation: 'parent' }, TODAY)).toEqual([])
  })

  it('names every wrong field', () => {
    const problems = patientFormProblems({ name: 'Zhang', idNumber: '510603199003071239', relation: '' }, TODAY)
    expect(problems.map((p) => p.field)).toEqual(['name', 'idNumber', 'relation'])
    expect(problems[2]!.message).toBe(RELATION_MESSAGE)
  })

  it('refuses self as an added relation', () => {
    expect(patientFormProblems({ name: '张伟', idNumber: '510603199003071238', relation: 'self' }, TODAY).map((p) => p.field)).toEqual(['relation'])
  })
})
