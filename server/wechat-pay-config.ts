import { readFileSync } from 'node:fs'
import { type KeyObject, createPrivateKey, createPublicKey } from 'node:crypto'
import { isAbsolute, resolve } from 'node:path'
import type { MerchantKeys } from './contracts/wechat-pay/dev-keys'

/** The real merchant's WeChat Pay (API v3): absent in development, where the simulated WeChat Pay on the mock host pays. */
export interface WechatPayConfig {
  /** https://api.mch.weixin.qq.com unless WECHATPAY_BASE_URL says otherwise. */
  baseUrl: string
  merchant: MerchantKeys
}

/** The variables of a real merchant, with what each must be (README "WeChat Pay"; docs/wechat-pay.md). */
const SETTINGS = {
  WECHATPAY_MCHID: 'the merchant id (商户号), digits',
  WECHATPAY_APPID: "the mini-program's appid the merchant is bound to (defaults to WECHAT_APP_ID)",
  WECHATPAY_SERIAL_NO: "the merchant API certificate's serial number (商户API证书序列号), hex",
  WECHATPAY_PRIVATE_KEY_FILE: "the path of the merchant API private key (apiclient_key.pem)",
  WECHATPAY_APIV3_KEY: 'the APIv3 key (APIv3密钥), exactly 32 characters',
  WECHATPAY_PUBLIC_KEY_ID: 'the WeChat Pay public key id (微信支付公钥ID, PUB_KEY_ID_…) or platform certificate serial',
  WECHATPAY_PUBLIC_KEY_FILE: 'the path of the WeChat Pay public key (pub_key.pem) or platform certificate',
} as const

export const DEFAULT_WECHATPAY_BASE_URL = 'https://api.mch.weixin.qq.com'

/**
 * Reads the merchant settings. None set outside production: undefined (the
 * simulator). Otherwise every one is required and checked now (the key files
 * read and parsed), each problem naming its variable, so a wrong merchant
 * setting stops the server at start instead of failing the first payment.
 */
export function readWechatPayConfig(
  value: (name: string) => string | undefined,
  production: boolean,
  wechatAppId: string | undefined,
  cwd: string,
  problems: string[],
): WechatPayConfig | undefined {
  const names = Object.keys(SETTINGS) as (keyof typeof SETTINGS)[]
  const given = names.filter((n) => n !== 'WECHATPAY_APPID' && value(n) !== undefined)
  if (!production && given.length === 0) return undefined
  const before = problems.length
  const get = (name: keyof typeof SETTINGS) => {
    const v = name === 'WECHATPAY_APPID' ? (value(name) ?? wechatAppId) : value(name)
    if (v === undefined) problems.push(`${name} is required${production ? ' in production (the simulated WeChat Pay is for development)' : ' with the other WECHATPAY_ settings'}: ${SETTINGS[name]}`)
    return v
  }
  const mchid = get('WECHATPAY_MCHID')
  if (mchid !== undefined && !/^[0-9]{8,12}$/.test(mchid)) problems.push(`WECHATPAY_MCHID must be ${SETTINGS.WECHATPAY_MCHID}`)
  const appid = get('WECHATPAY_APPID')
  if (appid !== undefined && !/^wx[0-9A-Za-z]{14,30}$/.test(appid)) problems.push('WECHATPAY_APPID must be a WeChat appid (wx…)')
  const serial = get('WECHATPAY_SERIAL_NO')
  if (serial !== undefined && !/^[0-9A-Fa-f]{8,40}$/.test(serial)) problems.push(`WECHATPAY_SERIAL_NO must be ${SETTINGS.WECHATPAY_SERIAL_NO}`)
  const apiV3Key = get('WECHATPAY_APIV3_KEY')
  if (apiV3Key !== undefined && Buffer.byteLength(apiV3Key) !== 32) problems.push(`WECHATPAY_APIV3_KEY must be ${SETTINGS.WECHATPAY_APIV3_KEY}`)
  const publicKeyId = get('WECHATPAY_PUBLIC_KEY_ID')
  if (publicKeyId !== undefined && !/^(PUB_KEY_ID_[0-9A-Za-z]{8,64}|[0-9A-Fa-f]{8,40})$/.test(publicKeyId)) {
    problems.push(`WECHATPAY_PUBLIC_KEY_ID must be ${SETTINGS.WECHATPAY_PUBLIC_KEY_ID}`)
  }
  const keyFile = <K>(name: 'WECHATPAY_PRIVATE_KEY_FILE' | 'WECHATPAY_PUBLIC_KEY_FILE', parse: (pem: string) => K): K | undefined => {
    const path = get(name)
    if (path === undefined) return undefined
    try {
      const key = parse(readFileSync(isAbsolute(path) ? path : resolve(cwd, path), 'utf8')) as KeyObject
      if (key.asymmetricKeyType !== 'rsa') throw new Error('not an RSA key')
      return key as K
    } catch (err) {
      problems.push(`${name} must be ${SETTINGS[name]}: ${(err as Error).message}`)
      return undefined
    }
  }
  const privateKey = keyFile('WECHATPAY_PRIVATE_KEY_FILE', (pem) => createPrivateKey(pem))
  const publicKey = keyFile('WECHATPAY_PUBLIC_KEY_FILE', (pem) => createPublicKey(pem))
  const baseUrl = (value('WECHATPAY_BASE_URL') ?? DEFAULT_WECHATPAY_BASE_URL).replace(/\/+$/, '')
  if (!/^https?:\/\/[^\s/?#]+(\/\S*)?$/.test(baseUrl) || (production && !baseUrl.startsWith('https://'))) {
    problems.push(`WECHATPAY_BASE_URL must be an ${production ? 'https://' : 'http(s)://'} URL (default ${DEFAULT_WECHATPAY_BASE_URL})`)
  }
  if (problems.length > before || !mchid || !appid || !serial || !apiV3Key || !publicKeyId || !privateKey || !publicKey) return undefined
  return { baseUrl, merchant: { mchid, appid, serial, privateKey, apiV3Key, wechatpayKeys: new Map([[publicKeyId, publicKey]]) } }
}
