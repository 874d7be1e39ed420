import { describe, expect, it } from 'vitest'
import { lengthCounter, overLengthMessage, textLength } from '../../../src/domain/text-length'

describe('text length', () => {
  it('counts characters as people do, one for a character outside the BMP', () => {
    expect(textLength('王伟')).toBe(2)
    expect(textLength('𠮷野')).toBe(2)
  })

  it('says nothing up to the limit and how many are too many beyond it', () => {
    expect(overLengthMessage('一二三', 3)).toBeUndefined()
    expect(overLengthMessage('一二三四', 3)).toBe('最多 3 个字，已输入 4 个，请删去多余的 1 个')
  })

  it('counts against the limit', () => {
    expect(lengthCounter('王伟', 20)).toBe('2/20')
  })
})
