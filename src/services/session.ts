import Taro from '@tarojs/taro'
import type { SessionT } from '../api/citizens'
import { clearSession, saveSession, useSessionStore } from '../stores/session-store'
import { getDeviceUserId } from './device-user'
import { ApiError, request, type RequestOptions } from './request'

// A token this close to its expiry is renewed first rather than sent and refused.
const EXPIRY_MARGIN_MS = 60_000

/** wx.login in the mini-program; in H5 the platform's simulated WeChat login for this device. */
async function loginCode(): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const { code } = await Taro.login()
    return code
  }
  const { code } = await request<{ code: string }>('/v1/sessions/simulated-code', { method: 'POST', data: { user: getDeviceUserId() } })
  return code
}

let pendingLogin: Promise<string> | null = null

/**
 * Logs in (login code → POST /v1/sessions) and remembers the session.
 * Calls made at the same time share one login. Resolves with the token.
 */
export function login(): Promise<string> {
  pendingLogin ??= (async () => {
    try {
      const code = await loginCode()
      const session = await request<SessionT>('/v1/sessions', { method: 'POST', data: { code } })
      saveSession(session.token, session.expiresAt)
      return session.token
    } catch (error) {
      if (error instanceof ApiError) throw error
      throw new ApiError('LOGIN_FAILED', '登录失败，请稍后重试', 0)
    }
  })().finally(() => {
    pendingLogin = null
  })
  return pendingLogin
}

/** True when a remembered session can still be used. */
export function hasLiveSession(now = Date.now()): boolean {
  const { token, expiresAt } = useSessionStore.getState()
  return token !== null && (expiresAt === null || Date.parse(expiresAt) - EXPIRY_MARGIN_MS > now)
}

/** The token of a live session, logging in first when there is none. */
export async function ensureSession(): Promise<string> {
  const { token } = useSessionStore.getState()
  return token && hasLiveSession() ? token : login()
}

function withToken(options: RequestOptions, token: string): RequestOptions {
  return { ...options, headers: { ...options.headers, Authorization: `Bearer ${token}` } }
}

/**
 * {@link request} on behalf of the logged-in citizen (/v1/me, /v1/services).
 * Logs in when needed. A 401 (SESSION_INVALID: expired or revoked on the
 * server) logs in again and retries once; a second refusal is thrown.
 */
export async function authedRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const token = await ensureSession()
  try {
    return await request<T>(path, withToken(options, token))
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error
    // Another call may already have logged in again: use its session rather than a third one.
    const current = useSessionStore.getState().token
    const fresh = current && current !== token ? current : await login()
    return request<T>(path, withToken(options, fresh))
  }
}

/** 退出登录: revokes the session on the server when it can and forgets it on the device either way. */
export async function logout(): Promise<void> {
  const { token } = useSessionStore.getState()
  clearSession(true)
  if (!token) return
  try {
    await request<void>('/v1/sessions/current', withToken({ method: 'DELETE' }, token))
  } catch {
    // The session expires by itself; the device has already forgotten it.
  }
}
