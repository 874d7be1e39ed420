import { useCallback, useEffect, useState } from 'react'
import type { CityCode } from '../domain/city'
import { getCatalog, type CatalogResponse } from '../services/api'
import { errorMessage } from '../services/request'

export type CatalogState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; catalog: CatalogResponse }
  | { status: 'error'; message: string }

/** The catalog of a city, reloaded when the city changes; `retry` asks again after an error. */
export function useCatalog(city: CityCode | undefined): CatalogState & { retry: () => void } {
  const [state, setState] = useState<CatalogState>({ status: city ? 'loading' : 'idle' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!city) {
      setState({ status: 'idle' })
      return
    }
    let current = true
    setState({ status: 'loading' })
    getCatalog(city).then(
      (catalog) => current && setState({ status: 'ready', catalog }),
      (error: unknown) => current && setState({ status: 'error', message: errorMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [city, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  return { ...state, retry }
}
