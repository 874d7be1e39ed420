import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../services/request'

export type RemoteState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown; message: string }

export interface Remote<T> {
  state: RemoteState<T>
  /** Shows the loading state and asks again (after an error). */
  retry: () => void
  /** Asks again while what is shown stays (back from another page). */
  reload: () => void
}

/**
 * Data from the platform for a page: loaded on mount and when `deps` change;
 * an answer that arrives after the page moved on is dropped.
 */
export function useRemote<T>(load: () => Promise<T>, deps: DependencyList): Remote<T> {
  const [state, setState] = useState<RemoteState<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const quiet = useRef(false)
  const latest = useRef(load)
  latest.current = load

  useEffect(() => {
    let current = true
    if (!quiet.current) setState({ status: 'loading' })
    quiet.current = false
    latest.current().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) => current && setState({ status: 'error', error, message: errorMessage(error) }),
    )
    return () => {
      current = false
    }
    // The caller lists what `load` reads; `load` itself is a new closure on every render.
  }, [...deps, attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  const reload = useCallback(() => {
    quiet.current = true
    setAttempt((n) => n + 1)
  }, [])
  return { state, retry, reload }
}
