import { HttpError } from '../../errors'
import { fetchBounded } from '../gateway/agency-client'

export interface WechatApp {
  appId: string
  appSecret: string
  /** Base URL of the WeChat API (the simulated one in development). */
  base: string
}

const UNAVAILABLE = () => new HttpError(502, 'WECHAT_UNAVAILABLE', 'WeChat login did not answer / 微信登录服务暂时不可用，请稍后重试')

/**
 * Exchanges a wx.login code for the user's openid (code2Session). The answer's
 * session_key is dropped: the platform never decrypts WeChat user data.
 */
export async function exchangeCode(app: WechatApp, code: string, timeoutMs: number): Promise<string> {
  const url = new URL(`${app.base}/sns/jscode2session`)
  url.search = new URLSearchParams({ appid: app.appId, secret: app.appSecret, js_code: code, grant_type: 'authorization_code' }).toString()
  const answer = await fetchBounded(url.href, {}, { timeoutMs, maxBytes: 16 * 1024 })
  const json = answer.json as { openid?: unknown; errcode?: unknown } | undefined
  if (answer.status !== 200 || !json) throw UNAVAILABLE()
  if (typeof json.openid === 'string' && json.openid !== '') return json.openid
  // 40029 invalid, 40163 used, 45011 too frequent: the app should get a fresh code.
  if (json.errcode === 40029 || json.errcode === 40163 || json.errcode === 45011) {
    throw new HttpError(401, 'WECHAT_CODE_INVALID', 'The login code is invalid, used or expired / 登录凭证已失效，请重新登录')
  }
  throw UNAVAILABLE()
}

/** A code from the simulated WeChat for a simulated user: the H5 app's stand-in for wx.login. */
export async function simulatedLoginCode(base: string, user: string, timeoutMs: number): Promise<string> {
  const res = await fetch(`${base}/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
    signal: AbortSignal.timeout(timeoutMs),
  }).catch(() => undefined)
  const json = res?.ok ? ((await res.json()) as { code?: unknown }) : undefined
  if (typeof json?.code !== 'string') throw UNAVAILABLE()
  return json.code
}
