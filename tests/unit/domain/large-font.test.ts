import { describe, expect, it } from 'vitest'
import { isLargeFontSetting } from '../../../src/domain/large-font'

describe('isLargeFontSetting', () => {
  it('is off at WeChat\'s standard size and one step above it', () => {
    expect(isLargeFontSetting({ fontSizeSetting: 17, fontSizeScaleFactor: 1 })).toBe(false)
    expect(isLargeFontSetting({ fontSizeSetting: 19 })).toBe(false)
    expect(isLargeFontSetting({ fontSizeScaleFactor: 1.1 })).toBe(false)
  })

  it('is on from two steps above standard, by either field', () => {
    expect(isLargeFontSetting({ fontSizeSetting: 20 })).toBe(true)
    expect(isLargeFontSetting({ fontSizeSetting: 17, fontSizeScaleFactor: 1.15 })).toBe(true)
    expect(isLargeFontSetting({ fontSizeScaleFactor: 1.4 })).toBe(true)
  })

  it('says nothing when the client reports nothing', () => {
    expect(isLargeFontSetting({})).toBe(false)
  })
})
