import { describe, expect, it } from 'vitest'
import { DEVELOPMENT_API_BASE, weappApiBase } from '../../../config/weapp-api-base'

describe('the API base baked into the mini-program', () => {
  it('development and demo builds call the platform on this machine unless told otherwise', () => {
    expect(weappApiBase({})).toBe(DEVELOPMENT_API_BASE)
    expect(weappApiBase({ TARO_APP_API_BASE: 'http://192.168.1.20:3000' })).toBe('http://192.168.1.20:3000')
  })

  it('a release build requires an https address on a domain name', () => {
    const release = (base?: string) => () => weappApiBase({ ONECITY_RELEASE: '1', TARO_APP_API_BASE: base })
    expect(release()).toThrow(/needs its API address: set TARO_APP_API_BASE/)
    expect(release('http://127.0.0.1:3000')).toThrow(/is not https/)
    expect(release('http://api.example.gov.cn')).toThrow(/is not https/)
    expect(release('https://127.0.0.1:3000')).toThrow(/IP address or a local host/)
    expect(release('https://[::1]/')).toThrow(/IP address or a local host/)
    expect(release('https://localhost')).toThrow(/IP address or a local host/)
    expect(release('api.example.gov.cn')).toThrow(/is not an address/)
    expect(release('https://api.example.gov.cn/')()).toBe('https://api.example.gov.cn')
  })
})
