import { HttpError } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { hashSessionToken, newSessionToken } from './citizen-session'
import { findOrCreateCitizen, insertSession, revokeSession } from './repository'
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
 * itself is never stored; nor is the token, only its SHA-256.
 */
export async function logIn(deps: Pick<CitizenDeps, 'db' | 'lookup' | 'config' | 'links'>, code: string): Promise<SessionT> {
  const { db, lookup, config } = deps
  const openid = await exchangeCode({ appId: config.wechat.appId, appSecret: config.wechat.appSecret, base: wechatBase(deps) }, code, config.citizen.agencyTimeoutMs)
  const citizenId = await findOrCreateCitizen(db, lookup('wechat-openid', openid))
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
