import { describe, expect, it } from 'vitest'
import {
  appointmentUrl,
  bookingConfirmUrl,
  cashierUrl,
  decodeParam,
  hospitalDepartmentUrl,
  hospitalDepartmentsUrl,
  identityUrl,
  pageUrl,
  patientsUrl,
  trafficHomeUrl,
  violationUrl,
} from '../../../src/services/routes'
import { serviceEntryUrl } from '../../../src/services/service-entry-url'

describe('routes', () => {
  it('builds page urls with encoded values and without empty ones', () => {
    expect(pageUrl('/p', { a: '交通 违法', b: undefined, c: '' })).toBe('/p?a=%E4%BA%A4%E9%80%9A%20%E8%BF%9D%E6%B3%95')
    expect(trafficHomeUrl()).toBe('/packages/traffic/pages/index/index')
    expect(violationUrl('shenzhen-traffic', 'v-1', '4403000000000001')).toBe(
      '/packages/traffic/pages/violation/index?service=shenzhen-traffic&vehicle=v-1&violation=4403000000000001',
    )
    expect(cashierUrl('ord_1')).toBe('/packages/pay/pages/cashier/index?order=ord_1')
    expect(cashierUrl('ord_1', '/packages/traffic/pages/violation/index?service=s&violation=v')).toBe(
      '/packages/pay/pages/cashier/index?order=ord_1&back=%2Fpackages%2Ftraffic%2Fpages%2Fviolation%2Findex%3Fservice%3Ds%26violation%3Dv',
    )
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

  it('opens social-security@1 and housing-fund@1 services in their subpackages', () => {
    expect(serviceEntryUrl({ id: 'deyang-social-security', name: '社保', contract: 'social-security@1' })).toBe(
      '/packages/social-security/pages/index/index?service=deyang-social-security&name=%E7%A4%BE%E4%BF%9D',
    )
    expect(serviceEntryUrl({ id: 'deyang-housing-fund', name: '公积金', contract: 'housing-fund@1' })).toBe(
      '/packages/housing-fund/pages/index/index?service=deyang-housing-fund&name=%E5%85%AC%E7%A7%AF%E9%87%91',
    )
  })

  it('opens hospital@1 services in the hospital subpackage', () => {
    expect(serviceEntryUrl({ id: 'deyang-hospital', name: '预约挂号', contract: 'hospital@1' })).toBe(
      '/packages/hospital/pages/index/index?service=deyang-hospital&name=%E9%A2%84%E7%BA%A6%E6%8C%82%E5%8F%B7',
    )
    expect(hospitalDepartmentsUrl('deyang-hospital', 'dy-people-1')).toBe('/packages/hospital/pages/departments/index?service=deyang-hospital&hospital=dy-people-1')
    expect(hospitalDepartmentUrl('deyang-hospital', 'dy-people-1', 'cardiology')).toBe(
      '/packages/hospital/pages/department/index?service=deyang-hospital&hospital=dy-people-1&department=cardiology',
    )
    expect(
      bookingConfirmUrl({ service: 's', hospital: 'h', department: 'd', date: '2026-11-21', slot: 'h.d-1.2026-11-21.0800', doctor: 'd-1' }),
    ).toBe('/packages/hospital/pages/confirm/index?service=s&hospital=h&department=d&date=2026-11-21&slot=h.d-1.2026-11-21.0800&doctor=d-1')
    expect(appointmentUrl('a-1')).toBe('/packages/hospital/pages/appointment/index?id=a-1')
    expect(patientsUrl()).toBe('/packages/hospital/pages/patients/index')
  })
})
