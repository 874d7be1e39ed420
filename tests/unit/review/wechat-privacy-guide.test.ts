import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { declaredApis, privateApisIn, scanWeappPrivateApis, weappSourceFiles } from './wechat-private-apis'

const guide = readFileSync('docs/wechat-privacy-guide.md', 'utf8')

describe('the 用户隐私保护指引 in docs/wechat-privacy-guide.md', () => {
  it('declares exactly the private APIs the mini-program calls', () => {
    const called = [...scanWeappPrivateApis('src').keys()].sort()
    expect(called).toContain('getFuzzyLocation')
    expect(declaredApis(guide).sort()).toEqual(called)
  })

  it('has the mini-program call no precise location', () => {
    const called = scanWeappPrivateApis('src')
    for (const precise of ['getLocation', 'chooseLocation', 'choosePoi', 'startLocationUpdate', 'startLocationUpdateBackground', 'onLocationChange']) {
      expect(called.get(precise), precise).toBeUndefined()
    }
  })

  it('leaves the H5 browser location out of the weapp files (Taro picks device-position.weapp.ts there)', () => {
    const files = weappSourceFiles('src')
    expect(files).toContain('src/services/device-position.weapp.ts')
    expect(files).not.toContain('src/services/device-position.ts')
  })
})

describe('the private API scan', () => {
  it('finds Taro and wx calls, private button open-types and components', () => {
    const found = privateApisIn(`Taro.chooseImage({}); wx.setClipboardData({ data }); <Button openType="getPhoneNumber" /><Camera />`)
    expect([...found].sort()).toEqual(['<Camera>', 'chooseImage', 'open-type=getPhoneNumber', 'setClipboardData'])
  })

  it('ignores names that only start like a private API and non-private calls', () => {
    expect([...privateApisIn(`Taro.getLocationName(); Taro.login(); Taro.openLocation({})`)]).toEqual([])
  })

  it('would fail the guide when the code calls an undeclared private API', () => {
    const called = [...scanWeappPrivateApis('src').keys(), ...privateApisIn('Taro.chooseImage()')]
    expect(declaredApis(guide).sort()).not.toEqual(called.sort())
  })
})
