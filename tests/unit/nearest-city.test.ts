import { describe, expect, it } from 'vitest'
import type { City } from '../../src/domain/city'
import { distanceKm, isValidCoordinate, nearestCity } from '../../src/domain/nearest-city'

function city(code: string, name: string, lat: number, lng: number): City {
  return {
    code,
    name,
    fullName: `${name}市`,
    provinceCode: code.slice(0, 2),
    provinceName: '测试省',
    pinyin: 'x',
    initials: 'x',
    kind: 'prefecture',
    lat,
    lng,
  }
}

describe('distanceKm', () => {
  it('is about 1068 km from Beijing to Shanghai', () => {
    expect(distanceKm(39.9042, 116.4074, 31.2304, 121.4737)).toBeGreaterThan(1053)
    expect(distanceKm(39.9042, 116.4074, 31.2304, 121.4737)).toBeLessThan(1083)
  })

  it('is 0 for the same point and symmetric', () => {
    expect(distanceKm(30.57, 104.07, 30.57, 104.07)).toBe(0)
    expect(distanceKm(30.57, 104.07, 31.13, 104.4)).toBeCloseTo(distanceKm(31.13, 104.4, 30.57, 104.07), 9)
  })

  it('is about 111 km per degree of latitude', () => {
    expect(distanceKm(30, 104, 31, 104)).toBeCloseTo(111.2, 0)
  })

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    expect(distanceKm(0, 100, 0, 101)).toBeCloseTo(111.2, 0)
    expect(distanceKm(60, 100, 60, 101)).toBeCloseTo(55.6, 0)
  })

  it('takes the short way across the antimeridian', () => {
    expect(distanceKm(0, 179.5, 0, -179.5)).toBeCloseTo(111.2, 0)
  })

  it('is half the circumference between antipodes', () => {
    expect(distanceKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * 6371, 3)
    expect(distanceKm(90, 0, -90, 0)).toBeCloseTo(Math.PI * 6371, 3)
  })
})

describe('isValidCoordinate', () => {
  it.each([
    [0, 0],
    [39.9, 116.4],
    [-33.9, 151.2],
    [90, 180],
    [-90, -180],
  ])('accepts (%s, %s)', (lat, lng) => {
    expect(isValidCoordinate(lat, lng)).toBe(true)
  })

  it.each([
    [90.01, 0],
    [-91, 0],
    [0, 180.5],
    [0, -181],
    [NaN, 0],
    [0, NaN],
    [Infinity, 0],
    [0, -Infinity],
  ])('rejects (%s, %s)', (lat, lng) => {
    expect(isValidCoordinate(lat, lng)).toBe(false)
  })
})

describe('nearestCity', () => {
  const beijing = city('110100', '北京', 39.9, 116.4)
  const shanghai = city('310100', '上海', 31.23, 121.47)
  const chengdu = city('510100', '成都', 30.57, 104.07)
  const deyang = city('510600', '德阳', 31.13, 104.4)
  const list = [beijing, shanghai, chengdu, deyang]

  it('is undefined for an empty list', () => {
    expect(nearestCity([], 39.9, 116.4)).toBeUndefined()
  })

  it('finds a city standing on it at distance 0', () => {
    expect(nearestCity(list, 31.23, 121.47)).toEqual({ city: shanghai, distanceKm: 0 })
  })

  it.each([
    [39.0, 117.2, '北京'], // 天津-ish
    [31.3, 120.6, '上海'], // 苏州-ish
    [30.7, 104.1, '成都'],
    [31.0, 104.35, '德阳'],
  ])('(%s, %s) is nearest to %s', (lat, lng, name) => {
    expect(nearestCity(list, lat, lng)?.city.name).toBe(name)
  })

  it('reports the distance to the city found', () => {
    const hit = nearestCity(list, 30.67, 104.07)!
    expect(hit.city).toBe(chengdu)
    expect(hit.distanceKm).toBeCloseTo(distanceKm(30.67, 104.07, chengdu.lat, chengdu.lng), 9)
    expect(hit.distanceKm).toBeCloseTo(11.1, 1)
  })

  it('works with a single city however far away', () => {
    expect(nearestCity([beijing], -33.9, 151.2)?.city).toBe(beijing)
  })

  it('keeps the first of two equally near cities', () => {
    const a = city('100001', '甲', 30, 100)
    const b = city('100002', '乙', 30, 102)
    expect(nearestCity([a, b], 30, 101)?.city).toBe(a)
    expect(nearestCity([b, a], 30, 101)?.city).toBe(b)
  })
})
