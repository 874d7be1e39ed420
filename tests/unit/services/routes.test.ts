import { describe, expect, it } from 'vitest'
import { cashierUrl, decodeParam, identityUrl, pageUrl, serviceEntryUrl, trafficHomeUrl, violationUrl } from '../../../src/services/routes'

describe('routes', () => {
  it('builds page urls with encoded values and without empty ones', () => {
    expect(pageUrl('/p', { a: '交通 违法', b: undefined, c: '' })).toBe('/p?a=%E4%BA%A4%E9%80%9A%20%E8%BF%9D%E6%B3%95')
    expect(trafficHomeUrl()).toBe('/packages/traffic/pages/index/index')
    expect(violationUrl('shenzhen-traffic', 'v-1', '4403000000000001')).toBe(
      '/packages/traffic/pages/violation/index?service=shenzhen-traffic&vehicle=v-1&violation=4403000000000001',
    )
    expect(cashierUrl('ord_1')).toBe('/packages/pay/pages/cashier/index?order=ord_1')
  })

  it('round-trips a page url given as the back parameter', () => {
    const back = trafficHomeUrl('shenzhen-traffic', '交通违法')
    const url = identityUrl(back)
    const raw = new URL(url, 'http://x').search.slice('?back='.length)
    expect(decodeParam(raw)).toBe(back)
  })

  it('decodes router parameters and keeps a value that is not percent-encoding', () => {
    expect(decodeParam('%E4%BA%A4%E9%80%9A')).toBe('交通')
    expect(decodeParam('100%')).toBe('100%')
    expect(decodeParam(undefined)).toBe('')
  })

  it('opens traffic@1 services in the traffic subpackage and has no page for the others yet', () => {
    expect(serviceEntryUrl({ id: 'shenzhen-traffic', name: '交通违法', contract: 'traffic@1' })).toBe(
      '/packages/traffic/pages/index/index?service=shenzhen-traffic&name=%E4%BA%A4%E9%80%9A%E8%BF%9D%E6%B3%95',
    )
    expect(serviceEntryUrl({ id: 'x', name: 'X', contract: 'webview' })).toBeUndefined()
  })
})
