import type { Remote } from '../hooks/use-remote'
import { ErrorView, LoadingView } from './status-view'

/** A remote's loading and error states (with 重试); nothing once it is ready, which the page renders itself. */
export function RemoteStatus<T>({ remote }: { remote: Remote<T> }) {
  const { state } = remote
  if (state.status === 'loading') return <LoadingView />
  if (state.status === 'error') return <ErrorView message={state.message} onRetry={remote.retry} />
  return null
}
