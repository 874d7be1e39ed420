import { useCallback, useEffect, useState } from 'react'
import type { City } from '../domain/city'
import { fetchAndCacheCities, readCachedCities } from '../services/cities-cache'
import { errorMessage } from '../services/request'

export type CitiesState = { status: 'loading' } | { status: 'ready'; cities: City[] } | { status: 'error'; message: string }

// Kept for the app's lifetime so reopening the picker is instant.
let inMemory: City[] | undefined

function initialState(): CitiesState {
  if (inMemory) return { status: 'ready', cities: inMemory }
  const cached = readCachedCities()
  return cached ? { status: 'ready', cities: cached.cities } : { status: 'loading' }
}

/**
 * Every city, from memory, then device storage, then GET /v1/cities (once;
 * a stale device copy is shown at once and refreshed in the background).
 */
export function useCities(): CitiesState & { retry: () => void } {
  const [state, setState] = useState<CitiesState>(initialState)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (inMemory) return
    const cached = readCachedCities()
    if (cached?.fresh) {
      inMemory = cached.cities
      return
    }
    let current = true
    if (!cached) setState({ status: 'loading' })
    fetchAndCacheCities().then(
      (cities) => {
        inMemory = cities
        if (current) setState({ status: 'ready', cities })
      },
      (error: unknown) => {
        if (current && !cached) setState({ status: 'error', message: errorMessage(error) })
      },
    )
    return () => {
      current = false
    }
  }, [attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}
