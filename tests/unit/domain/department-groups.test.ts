import { describe, expect, it } from 'vitest'
import { groupDepartments } from '../../../src/domain/department-groups'

describe('department groups', () => {
  it('groups by category in first-seen order', () => {
    const groups = groupDepartments([
      { id: 'cardiology', category: '内科' },
      { id: 'orthopedics', category: '外科' },
      { id: 'gastro', category: '内科' },
      { id: 'x', category: ' ' },
    ])
    expect(groups.map((g) => [g.category, g.departments.map((d) => d.id)])).toEqual([
      ['内科', ['cardiology', 'gastro']],
      ['外科', ['orthopedics']],
      ['其他', ['x']],
    ])
  })
})
