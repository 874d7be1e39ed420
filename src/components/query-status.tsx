import type { Remote } from '../hooks/use-remote'
import { ApiError } from '../services/request'
import { IdentityNeeded } from './identity-needed'
import { EmptyView, ErrorView, LoadingView } from './status-view'

/**
 * The loading and error states of a query about the verified citizen (社保,
 * 公积金); nothing once it is ready. Before 实名认证 (403 IDENTITY_REQUIRED)
 * it offers 去认证; an answer no 重试 can change (`final`: error code → what
 * to tell the citizen, e.g. no account in this city) is a plain note; anything
 * else (504 AGENCY_TIMEOUT, 502, no network) shows its message and 重试.
 */
export function QueryStatus({ remote, identityText, final = {} }: { remote: Remote<unknown>; identityText: string; final?: Record<string, string> }) {
  const { state } = remote
  if (state.status === 'loading') return <LoadingView />
  if (state.status === 'ready') return null
  const code = state.error instanceof ApiError ? state.error.code : undefined
  if (code === 'IDENTITY_REQUIRED') return <IdentityNeeded text={identityText} />
  const note = code ? final[code] : undefined
  if (note) return <EmptyView text={note} />
  return <ErrorView message={state.message} onRetry={remote.retry} />
}
