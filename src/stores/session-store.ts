import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { createTaroPersistStorage } from './persist-storage'

export interface SessionState {
  /** The platform session token (Authorization: Bearer); null when logged out. */
  token: string | null
  /** ISO time after which the server no longer accepts the token. */
  expiresAt: string | null
  /**
   * True after 退出登录: 我的 then waits for the citizen to log in again
   * instead of logging in silently; opening a service still logs in.
   */
  loggedOut: boolean
}

const initialSessionState: SessionState = { token: null, expiresAt: null, loggedOut: false }

/** The citizen's session with the platform, remembered on the device so a restart does not log in again. */
export const useSessionStore = create<SessionState>()(
  persist(() => initialSessionState, {
    name: 'session',
    version: 1,
    storage: createTaroPersistStorage<SessionState>(),
  }),
)

/** Remembers a new session. */
export function saveSession(token: string, expiresAt: string): void {
  useSessionStore.setState({ token, expiresAt, loggedOut: false })
}

/** Forgets the session; `loggedOut` records that the citizen chose to leave. */
export function clearSession(loggedOut = false): void {
  useSessionStore.setState({ token: null, expiresAt: null, loggedOut })
}
