import { describe, expect, it } from 'vitest'
import {
  availabilityBadge,
  availabilityNotice,
  availabilityNow,
  maintenanceAt,
  maintenanceWindowText,
  miniProgramScheme,
  nextMaintenanceChange,
  serviceAvailability,
  withCity,
} from '../../../src/domain/service-access'

const H = 3600_000
const T = Date.parse('2026-12-07T00:00:00Z')

describe('maintenanceAt', () => {
  it('finds the window under way, start inclusive, end exclusive', () => {
    const w = [{ start: T, end: T + H }]
    expect(maintenanceAt(w, T - 1)).toBeUndefined()
    expect(maintenanceAt(w, T)).toEqual({ start: T, end: T + H })
    expect(maintenanceAt(w, T + H - 1)).toEqual({ start: T, end: T + H })
    expect(maintenanceAt(w, T + H)).toBeUndefined()
  })

  it('joins windows that overlap or touch, in any order', () => {
    const w = [{ start: T + 2 * H, end: T + 3 * H }, { start: T, end: T + H }, { start: T + H, end: T + 2 * H }, { start: T + 5 * H, end: T + 6 * H }]
    expect(maintenanceAt(w, T + 30 * 60_000)).toEqual({ start: T, end: T + 3 * H })
    expect(maintenanceAt(w, T + 4 * H)).toBeUndefined()
    expect(maintenanceAt(w, T + 5 * H)).toEqual({ start: T + 5 * H, end: T + 6 * H })
    expect(maintenanceAt([], T)).toBeUndefined()
  })
})

describe('nextMaintenanceChange', () => {
  it('is the first start or end after now', () => {
    const w = [{ start: T, end: T + H }, { start: T + 2 * H, end: T + 3 * H }]
    expect(nextMaintenanceChange(w, T - 1)).toBe(T)
    expect(nextMaintenanceChange(w, T)).toBe(T + H)
    expect(nextMaintenanceChange(w, T + H)).toBe(T + 2 * H)
    expect(nextMaintenanceChange(w, T + 3 * H)).toBeUndefined()
  })
})

describe('serviceAvailability and availabilityNow', () => {
  it('suspended wins over a window; a window under way is maintenance with its times', () => {
    const w = [{ start: T, end: T + H }]
    expect(serviceAvailability(true, w, T)).toEqual({ state: 'suspended' })
    expect(serviceAvailability(false, w, T)).toEqual({ state: 'maintenance', from: '2026-12-07T00:00:00.000Z', until: '2026-12-07T01:00:00.000Z' })
    expect(serviceAvailability(false, w, T + H)).toEqual({ state: 'available' })
  })

  it('treats a window that ended after the catalog was read as over, and a missing field as available', () => {
    const m = { state: 'maintenance' as const, from: '2026-12-07T00:00:00.000Z', until: '2026-12-07T01:00:00.000Z' }
    expect(availabilityNow(m, T + H - 1)).toBe(m)
    expect(availabilityNow(m, T + H)).toEqual({ state: 'available' })
    expect(availabilityNow(undefined, T)).toEqual({ state: 'available' })
    expect(availabilityNow({ state: 'suspended' }, T)).toEqual({ state: 'suspended' })
  })
})

describe('what a tile says', () => {
  it('badges 维护中 and 暂停服务, nothing for an open service', () => {
    expect(availabilityBadge({ state: 'maintenance', from: '', until: '' })).toBe('维护中')
    expect(availabilityBadge({ state: 'suspended' })).toBe('暂停服务')
    expect(availabilityBadge({ state: 'available' })).toBeUndefined()
  })

  it('writes the window in China time, the end without its date within one day', () => {
    expect(maintenanceWindowText({ from: '2026-12-06T18:00:00Z', until: '2026-12-06T22:00:00Z' })).toBe('12-07 02:00 至 06:00')
    expect(maintenanceWindowText({ from: '2026-12-06T18:00:00Z', until: '2026-12-07T18:00:00Z' })).toBe('12-07 02:00 至 12-08 02:00')
  })

  it('explains on tap with the name and what to do', () => {
    const m = availabilityNotice('个人所得税', { state: 'maintenance', from: '2026-12-06T18:00:00Z', until: '2026-12-06T22:00:00Z' })
    expect(m).toEqual({ title: '维护中', content: expect.stringContaining('「个人所得税」正在维护（12-07 02:00 至 06:00') })
    expect(availabilityNotice('天气', { state: 'suspended' })?.content).toContain('「天气」已暂停服务')
    expect(availabilityNotice('天气', { state: 'available' })).toBeUndefined()
  })
})

describe('withCity', () => {
  it.each([
    ['https://a.example.cn/h5/', 'https://a.example.cn/h5/?city=510600'],
    ['https://a.example.cn/h5/?from=onecity', 'https://a.example.cn/h5/?from=onecity&city=510600'],
    ['https://a.example.cn/h5/?city=110100&x=1', 'https://a.example.cn/h5/?x=1&city=510600'],
    ['https://a.example.cn/h5/#/home', 'https://a.example.cn/h5/?city=510600#/home'],
    ['https://a.example.cn/h5/?cityname=x#a?city=1', 'https://a.example.cn/h5/?cityname=x&city=510600#a?city=1'],
    ['pages/index/index?from=onecity', 'pages/index/index?from=onecity&city=510600'],
    ['pages/index/index', 'pages/index/index?city=510600'],
  ])('%s → %s', (url, expected) => {
    expect(withCity(url, '510600')).toBe(expected)
  })
})

describe('miniProgramScheme', () => {
  it('moves the path’s query into query, both encoded', () => {
    expect(miniProgramScheme({ appId: 'wx0123456789abcdef', path: 'pages/index/index?from=onecity&city=510600' })).toBe(
      'weixin://dl/business/?appid=wx0123456789abcdef&path=pages%2Findex%2Findex&query=from%3Donecity%26city%3D510600',
    )
    expect(miniProgramScheme({ appId: 'wx0123456789abcdef', path: '/pages/home' })).toBe('weixin://dl/business/?appid=wx0123456789abcdef&path=pages%2Fhome')
  })
})
