import { useCallback, useEffect, useRef, useState } from 'react'
import type { MeT } from '../api/citizens'
import { getMe } from '../services/citizen-api'
import { errorMessage } from '../services/request'
import { useSessionStore } from '../stores/session-store'
import { usePageReturn } from './use-page-return'

export type MeSummary =
  | { status: 'logged-out' }
  | { status: 'loading' }
  | { status: 'ready'; me: MeT }
  | { status: 'error'; message: string }

/**
 * 我的's real-name status and vehicle count. Logs in silently (it is cheap)
 * unless the citizen chose 退出登录; the page renders at once and this fills
 * in. Refreshed whenever 我的 shows again.
 */
export function useMeSummary(): { summary: MeSummary; refresh: () => void } {
  const loggedOut = useSessionStore((s) => s.loggedOut && s.token === null)
  const [summary, setSummary] = useState<MeSummary>(loggedOut ? { status: 'logged-out' } : { status: 'loading' })
  // Answers to an older request (e.g. from before 退出登录) are dropped.
  const requestNo = useRef(0)

  const refresh = useCallback(() => {
    const no = ++requestNo.current
    setSummary((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    getMe().then(
      (me) => no === requestNo.current && setSummary({ status: 'ready', me }),
      (error: unknown) => no === requestNo.current && setSummary({ status: 'error', message: errorMessage(error) }),
    )
  }, [])

  useEffect(() => {
    if (!loggedOut) {
      refresh()
      return
    }
    requestNo.current++
    setSummary({ status: 'logged-out' })
  }, [loggedOut, refresh])

  usePageReturn(() => {
    if (!loggedOut) refresh()
  })

  return { summary, refresh }
}
