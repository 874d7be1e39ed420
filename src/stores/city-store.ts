import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { City } from '../domain/city'
import { createTaroPersistStorage } from './persist-storage'

export interface CityState {
  /** The city whose services the home page shows; null until located or picked. */
  current: City | null
  /** How the current city was chosen. */
  source: 'location' | 'picker' | null
}

const initialCityState: CityState = { current: null, source: null }

/** The citizen's current city, remembered on the device across launches. */
export const useCityStore = create<CityState>()(
  persist(() => initialCityState, {
    name: 'city',
    version: 1,
    storage: createTaroPersistStorage<CityState>(),
    partialize: (state) => ({ current: state.current, source: state.source }),
  }),
)

/** Makes `city` the current city and remembers it for the next launch. */
export function setCurrentCity(city: City, source: 'location' | 'picker' = 'picker'): void {
  useCityStore.setState({ current: city, source })
}

/** Forgets the chosen city (the next launch asks again). */
export function clearCurrentCity(): void {
  useCityStore.setState(initialCityState)
}
