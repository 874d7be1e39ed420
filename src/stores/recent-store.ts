import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { ServiceId } from '../domain/catalog'
import type { CityCode } from '../domain/city'
import { pushRecent } from '../domain/recent-services'
import { createTaroPersistStorage } from './persist-storage'

export interface RecentState {
  /** Per city, the services tapped most recently first, at most RECENT_LIMIT. */
  byCity: Record<CityCode, ServiceId[]>
}

const initialRecentState: RecentState = { byCity: {} }

// One shared empty list, so a selector for a city without history returns the same reference each time.
const NO_RECENT: readonly ServiceId[] = Object.freeze([])

/** 最近使用: the services the citizen opened in each city, remembered on the device. */
export const useRecentStore = create<RecentState>()(
  persist(() => initialRecentState, {
    name: 'recent-services',
    version: 1,
    storage: createTaroPersistStorage<RecentState>(),
  }),
)

/** The recently used service ids of `city`, most recent first (empty without a city). */
export function selectRecentIds(state: RecentState, city: CityCode | undefined): readonly ServiceId[] {
  return (city && state.byCity[city]) || NO_RECENT
}

/** Records that the citizen opened `service` in `city`: it becomes the first recently used one there. */
export function recordServiceUse(city: CityCode, service: ServiceId): void {
  useRecentStore.setState((state) => ({
    byCity: { ...state.byCity, [city]: pushRecent(state.byCity[city] ?? [], service) },
  }))
}

/** Forgets the recently used services of every city. */
export function clearRecentServices(): void {
  useRecentStore.setState(initialRecentState)
}
