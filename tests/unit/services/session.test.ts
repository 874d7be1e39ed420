import { beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, fakeTaro, httpAnswer, resetFakeTaro } from '../helpers/fake-taro'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

interface SentRequest {
  url: string
  method: string
  data?: { user?: string; code?: string }
  header: Record<string, string>
}

const FUTURE = '2099-01-01T00:00:00.000Z'
const sessionInvalid = httpAnswer(401, { error: { code: 'SESSION_INVALID', message: 'Session expired / 登录已过期，请重新登录' } })

function sent(): SentRequest[] {
  return fakeTaro.request.mock.calls.map((c) => c[0] as SentRequest)
}
function paths(): string[] {
  return sent().map((r) => `${r.method} ${r.url.replace(/^https?:\/\/[^/]+/, '')}`)
}
/** Answers a simulated login: a code for the device's user, then a session with `token`. */
function answerLogin(token: string): void {
  fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { code: `code-for-${token}` }))
  fakeTaro.request.mockResolvedValueOnce(httpAnswer(201, { token, expiresAt: FUTURE }))
}

async function load() {
  vi.resetModules()
  const session = await import('../../../src/services/session')
  const { useSessionStore } = await import('../../../src/stores/session-store')
  return { ...session, useSessionStore }
}

describe('session', () => {
  beforeEach(() => resetFakeTaro())

  it('logs in lazily with a per-device simulated user and sends the token as a bearer', async () => {
    const { authedRequest } = await load()
    answerLogin('t1')
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { identity: null, vehicles: 0 }))
    await expect(authedRequest('/v1/me')).resolves.toEqual({ identity: null, vehicles: 0 })
    expect(paths()).toEqual(['POST /v1/sessions/simulated-code', 'POST /v1/sessions', 'GET /v1/me'])
    const [codeCall, sessionCall, meCall] = sent()
    expect(codeCall?.data?.user).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(sessionCall?.data).toEqual({ code: 'code-for-t1' })
    expect(meCall?.header.Authorization).toBe('Bearer t1')
    expect(JSON.parse(deviceStorage.get('onecity:session') as string).state.token).toBe('t1')
  })

  it('keeps the same device user and reuses a live session', async () => {
    const { authedRequest, login } = await load()
    answerLogin('t1')
    fakeTaro.request.mockResolvedValue(httpAnswer(200, { ok: true }))
    await authedRequest('/v1/me')
    await authedRequest('/v1/me/vehicles')
    expect(paths().filter((p) => p.includes('/v1/sessions'))).toHaveLength(2)
    const firstUser = sent()[0]?.data?.user
    fakeTaro.request.mockReset()
    answerLogin('t2')
    await login()
    expect(sent()[0]?.data?.user).toBe(firstUser)
  })

  it('logs in again once and retries the call once on SESSION_INVALID', async () => {
    const { authedRequest, useSessionStore } = await load()
    useSessionStore.setState({ token: 'revoked', expiresAt: FUTURE, loggedOut: false })
    fakeTaro.request.mockResolvedValueOnce(sessionInvalid)
    answerLogin('fresh')
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { records: [] }))
    await expect(authedRequest('/v1/me/records')).resolves.toEqual({ records: [] })
    expect(paths()).toEqual(['GET /v1/me/records', 'POST /v1/sessions/simulated-code', 'POST /v1/sessions', 'GET /v1/me/records'])
    expect(sent()[0]?.header.Authorization).toBe('Bearer revoked')
    expect(sent()[3]?.header.Authorization).toBe('Bearer fresh')
    expect(useSessionStore.getState().token).toBe('fresh')
  })

  it('gives up after the retry is refused too', async () => {
    const { authedRequest, useSessionStore } = await load()
    useSessionStore.setState({ token: 'revoked', expiresAt: FUTURE, loggedOut: false })
    fakeTaro.request.mockResolvedValueOnce(sessionInvalid)
    answerLogin('fresh')
    fakeTaro.request.mockResolvedValueOnce(sessionInvalid)
    await expect(authedRequest('/v1/me')).rejects.toMatchObject({ code: 'SESSION_INVALID', status: 401, message: '登录已过期，请重新登录' })
    expect(fakeTaro.request).toHaveBeenCalledTimes(4)
  })

  it('does not re-login for other errors', async () => {
    const { authedRequest, useSessionStore } = await load()
    useSessionStore.setState({ token: 't', expiresAt: FUTURE, loggedOut: false })
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(403, { error: { code: 'IDENTITY_REQUIRED', message: 'Verify first / 请先完成实名认证' } }))
    await expect(authedRequest('/v1/me/vehicles', { method: 'POST', data: {} })).rejects.toMatchObject({ code: 'IDENTITY_REQUIRED' })
    expect(fakeTaro.request).toHaveBeenCalledTimes(1)
  })

  it('renews a session that is about to expire before using it', async () => {
    const { ensureSession, useSessionStore } = await load()
    useSessionStore.setState({ token: 'old', expiresAt: new Date(Date.now() + 10_000).toISOString(), loggedOut: false })
    answerLogin('new')
    await expect(ensureSession()).resolves.toBe('new')
  })

  it('shares one login between calls made at the same time', async () => {
    const { authedRequest } = await load()
    answerLogin('t1')
    fakeTaro.request.mockResolvedValue(httpAnswer(200, { ok: true }))
    await Promise.all([authedRequest('/v1/me'), authedRequest('/v1/me/vehicles')])
    expect(paths().filter((p) => p.startsWith('POST /v1/sessions'))).toEqual(['POST /v1/sessions/simulated-code', 'POST /v1/sessions'])
  })

  it('uses wx.login in the mini-program', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    try {
      const { login } = await load()
      fakeTaro.request.mockResolvedValueOnce(httpAnswer(201, { token: 'w', expiresAt: FUTURE }))
      await expect(login()).resolves.toBe('w')
      expect(fakeTaro.login).toHaveBeenCalled()
      expect(sent()[0]?.data).toEqual({ code: 'wx-code' })
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('退出登录 revokes the session and forgets it, even when the server cannot be reached', async () => {
    const { logout, useSessionStore } = await load()
    useSessionStore.setState({ token: 't', expiresAt: FUTURE, loggedOut: false })
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(204, null))
    await logout()
    expect(paths()).toEqual(['DELETE /v1/sessions/current'])
    expect(sent()[0]?.header.Authorization).toBe('Bearer t')
    expect(useSessionStore.getState()).toMatchObject({ token: null, loggedOut: true })

    useSessionStore.setState({ token: 't2', expiresAt: FUTURE, loggedOut: false })
    fakeTaro.request.mockRejectedValueOnce({ errMsg: 'request:fail' })
    await logout()
    expect(useSessionStore.getState().token).toBeNull()
  })
})
