import { HttpError } from '../../errors'
import type { CitizenDeps } from './citizen-deps'
import { findWechatKey } from './repository'
import { exchangeCode } from './wechat-client'

/**
 * The citizen's own openid, from a fresh wx.login code (code2Session): what a
 * subscription message is addressed to. The app never names an openid; a
 * code of another WeChat user than the session's is refused (403).
 */
export async function openidOfCitizen(deps: Pick<CitizenDeps, 'db' | 'lookup' | 'config' | 'links'>, citizenId: string, code: string): Promise<string> {
  const base = deps.links.wechatBase()
  if (!base) throw new HttpError(503, 'WECHAT_UNAVAILABLE', 'WeChat is not configured / 微信服务暂不可用')
  const { appId, appSecret } = deps.config.wechat
  const openid = await exchangeCode({ appId, appSecret, base }, code, deps.config.citizen.agencyTimeoutMs)
  if (deps.lookup('wechat-openid', openid) !== (await findWechatKey(deps.db, citizenId))) {
    throw new HttpError(403, 'WECHAT_USER_MISMATCH', 'The code belongs to another WeChat user / 微信账号与当前登录账号不一致，请重新登录')
  }
  return openid
}
