import type { City } from '../domain/city'
import { getNearestCity } from './api'
import { readDevicePosition } from './device-position'

/** How long to wait for a position before falling back to the city picker. */
export const LOCATION_TIMEOUT_MS = 10_000

/** The device refused, could not or did not in time give a position. */
export class LocationUnavailableError extends Error {
  override readonly name = 'LocationUnavailableError'
}

/**
 * The device's position (WGS-84; approximate in WeChat). Only call after the citizen agreed to the
 * privacy notice. Rejects with LocationUnavailableError when permission is
 * refused, positioning fails or takes longer than `timeoutMs`.
 */
export async function getDevicePosition(timeoutMs = LOCATION_TIMEOUT_MS): Promise<{ lat: number; lng: number }> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LocationUnavailableError('定位超时')), timeoutMs)
  })
  try {
    const res = await Promise.race([readDevicePosition(), timeout])
    return { lat: res.latitude, lng: res.longitude }
  } catch (error) {
    if (error instanceof LocationUnavailableError) throw error
    throw new LocationUnavailableError('无法获取位置')
  } finally {
    clearTimeout(timer)
  }
}

/**
 * The city nearest to the device. The position goes to the platform once, to
 * pick the city, and is not kept anywhere. Rejects with
 * LocationUnavailableError (no position) or ApiError (the lookup failed).
 */
export async function locateNearestCity(timeoutMs = LOCATION_TIMEOUT_MS): Promise<City> {
  const { lat, lng } = await getDevicePosition(timeoutMs)
  const { city } = await getNearestCity(lat, lng)
  return city
}
