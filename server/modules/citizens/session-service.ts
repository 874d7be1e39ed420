import { HttpError } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { hashSessionToken, newSessionToken } from './citizen-session'
import { findOrCreateCitizen, findSealedOpenid, insertSession, revokeSession } from './repository'
import type { SessionT } from '../../../src/api/citizens'
import { exchangeCode, simulatedLoginCode } from './wechat-client'

function wechatBase(deps: Pick<CitizenDeps, 'links'>): string {
  const base = deps.links.wechatBase()
  if (!base) throw new HttpError(503, 'WECHAT_UNAVAILABLE', 'WeChat login is not configured / 微信登录暂不可用')
  return base
}

/**
 * Logs in with a wx.login code: WeChat exchanges it for the openid
 * (code2Session), whose keyed hash finds or creates the citizen. The openid
 * is kept only sealed (WeChat Pay orders name their payer by it); the token
 * is never stored, only its SHA-256.
 */
export async function logIn(deps: Pick<CitizenDeps, 'db' | 'box' | 'lookup' | 'config' | 'links'>, code: string): Promise<SessionT> {
  const { db, box, lookup, config } = deps
  const openid = await exchangeCode({ appId: config.wechat.appId, appSecret: config.wechat.appSecret, base: wechatBase(deps) }, code, config.citizen.agencyTimeoutMs)
  const citizenId = await findOrCreateCitizen(db, lookup('wechat-openid', openid), box.seal(openid))
  const { token, hash } = newSessionToken()
  const expiresAt = new Date(Date.now() + config.citizen.sessionTtlHours * 3_600_000)
  await insertSession(db, hash, citizenId, expiresAt)
  return { token, expiresAt: expiresAt.toISOString() }
}

/** Ends the session of this token at once. */
export async function logOut(deps: Pick<CitizenDeps, 'db'>, token: string): Promise<void> {
  await revokeSession(deps.db, hashSessionToken(token))
}

/** Development only: a login code from the simulated WeChat for a simulated user (the H5 app's wx.login). */
export function simulatedCode(deps: Pick<CitizenDeps, 'config' | 'links'>, user: string): Promise<string> {
  return simulatedLoginCode(wechatBase(deps), user, deps.config.citizen.agencyTimeoutMs)
}

/** The citizen's openid for WeChat Pay's payer; 401 when they have not logged in since openids are kept (they log in again). */
export async function payerOpenid(deps: Pick<CitizenDeps, 'db' | 'box'>, citizenId: string): Promise<string> {
  const sealed = await findSealedOpenid(deps.db, citizenId)
  if (!sealed) throw new HttpError(401, 'LOGIN_REQUIRED', 'Log in again to pay / 请重新登录后支付')
  return deps.box.open(sealed)
}
