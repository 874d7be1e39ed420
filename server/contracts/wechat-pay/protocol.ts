import { type KeyObject, createPrivateKey, createPublicKey } from 'node:crypto'
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin'

/**
 * WeChat Pay API v3's signatures and encryption, shared by the platform (the
 * merchant) and the simulated WeChat Pay on the mock host. The cryptography is
 * wechatpay-axios-plugin's (Rsa, Aes.AesGcm, Formatter); this file only says
 * which strings are signed and which headers carry them.
 */

/** WeChat's probe signatures start with this: a verifier that accepts one is not checking signatures (WeChat's own advice). */
export const SIGNTEST_PREFIX = 'WECHATPAY/SIGNTEST/'
/** A signed answer or notification older or newer than this (seconds) is refused. */
export const MAX_SKEW_S = 300

/** An RSA private key from PEM text (PKCS#8 or PKCS#1). */
export const privateKeyOf = (pem: string | KeyObject): KeyObject => (typeof pem === 'string' ? createPrivateKey(pem) : pem)
/** An RSA public key from PEM text (SPKI, PKCS#1 or an X.509 platform certificate). */
export const publicKeyOf = (pem: string | KeyObject): KeyObject => (typeof pem === 'string' ? createPublicKey(pem) : pem)

/** Who signs: the merchant (requests) or WeChat Pay (answers, notifications), by serial / public key id. */
export interface Signer {
  serial: string
  privateKey: KeyObject
}

/** The `Authorization` header of a merchant request: WECHATPAY2-SHA256-RSA2048 over method, path+query, time, nonce and body. */
export function authorization(merchant: Signer & { mchid: string }, method: string, uri: string, body: string, nowS: number, nonce = Formatter.nonce()): string {
  const signature = Rsa.sign(Formatter.request(method.toUpperCase(), uri, nowS, nonce, body), merchant.privateKey)
  return Formatter.authorization(merchant.mchid, nonce, signature, nowS, merchant.serial)
}

/** The fields of a WECHATPAY2-SHA256-RSA2048 Authorization header; undefined when it is not one. */
export function parseAuthorization(header: string | undefined): { mchid: string; serial: string; timestamp: string; nonce: string; signature: string } | undefined {
  const m = /^WECHATPAY2-SHA256-RSA2048 (.+)$/.exec(header ?? '')
  if (!m) return undefined
  const fields = Object.fromEntries([...m[1]!.matchAll(/([a-z_]+)="([^"]*)"/g)].map(([, k, v]) => [k, v]))
  const { mchid, serial_no: serial, timestamp, nonce_str: nonce, signature } = fields
  if (!mchid || !serial || !timestamp || !nonce || !signature) return undefined
  return { mchid, serial, timestamp, nonce, signature }
}

/** The four Wechatpay-* headers WeChat Pay signs an answer or a notification with (over timestamp, nonce and body). */
export function wechatpayHeaders(signer: Signer, body: string, nowS: number, nonce = Formatter.nonce()): Record<string, string> {
  return {
    'wechatpay-timestamp': String(nowS),
    'wechatpay-nonce': nonce,
    'wechatpay-serial': signer.serial,
    'wechatpay-signature': Rsa.sign(Formatter.response(nowS, nonce, body), signer.privateKey),
  }
}

export type VerifyFailure = 'missing-headers' | 'signtest' | 'stale' | 'unknown-serial' | 'bad-signature'

/**
 * Checks WeChat Pay's signature on an answer or notification: the key is the
 * one whose id `Wechatpay-Serial` names (a WeChat Pay public key id, or a
 * platform certificate serial); a probe signature, a timestamp more than
 * 5 minutes off, an unknown serial or a wrong signature are refused.
 */
export function verifyWechatpay(
  headers: Record<string, string | string[] | undefined>,
  body: string,
  publicKeys: ReadonlyMap<string, KeyObject>,
  nowS: number,
): { ok: true } | { ok: false; reason: VerifyFailure } {
  const one = (name: string) => {
    const v = headers[name]
    return typeof v === 'string' && v !== '' ? v : undefined
  }
  const timestamp = one('wechatpay-timestamp')
  const nonce = one('wechatpay-nonce')
  const serial = one('wechatpay-serial')
  const signature = one('wechatpay-signature')
  if (!timestamp || !nonce || !serial || !signature || !/^[0-9]{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing-headers' }
  if (signature.startsWith(SIGNTEST_PREFIX)) return { ok: false, reason: 'signtest' }
  if (Math.abs(nowS - Number(timestamp)) > MAX_SKEW_S) return { ok: false, reason: 'stale' }
  const key = publicKeys.get(serial)
  if (!key) return { ok: false, reason: 'unknown-serial' }
  let valid = false
  try {
    valid = Rsa.verify(Formatter.response(timestamp, nonce, body), signature, key)
  } catch {
    valid = false
  }
  return valid ? { ok: true } : { ok: false, reason: 'bad-signature' }
}

/** Checks a merchant request's Authorization (the simulated WeChat Pay's side). */
export function verifyMerchantRequest(
  authorizationHeader: string | undefined,
  request: { method: string; uri: string; body: string },
  merchant: { mchid: string; serial: string; publicKey: KeyObject },
  nowS: number,
): boolean {
  const auth = parseAuthorization(authorizationHeader)
  if (!auth || auth.mchid !== merchant.mchid || auth.serial !== merchant.serial) return false
  if (!/^[0-9]{1,12}$/.test(auth.timestamp) || Math.abs(nowS - Number(auth.timestamp)) > MAX_SKEW_S) return false
  try {
    return Rsa.verify(Formatter.request(request.method.toUpperCase(), request.uri, auth.timestamp, auth.nonce, request.body), auth.signature, merchant.publicKey)
  } catch {
    return false
  }
}

/** A notification's encrypted resource (AEAD_AES_256_GCM with the APIv3 key). */
export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM'
  ciphertext: string
  associated_data: string
  nonce: string
  original_type: string
}

/** Encrypts a notification's resource with the APIv3 key (the simulated WeChat Pay's side). */
export function encryptResource(plaintext: string, apiV3Key: string, originalType: string, nonce = Formatter.nonce(12)): EncryptedResource {
  const associatedData = originalType
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: Aes.AesGcm.encrypt(plaintext, apiV3Key, nonce, associatedData), associated_data: associatedData, nonce, original_type: originalType }
}

/** Decrypts a notification's resource with the APIv3 key; throws when it was not encrypted with it (the GCM tag fails). */
export function decryptResource(resource: Pick<EncryptedResource, 'algorithm' | 'ciphertext' | 'nonce'> & { associated_data?: string }, apiV3Key: string): string {
  if (resource.algorithm !== 'AEAD_AES_256_GCM') throw new Error(`unknown resource algorithm ${resource.algorithm}`)
  return Aes.AesGcm.decrypt(resource.ciphertext, apiV3Key, resource.nonce, resource.associated_data ?? '')
}

/** What the mini-program passes to wx.requestPayment: signed RSA by the merchant over appid, timeStamp, nonceStr and package. */
export interface RequestPaymentParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

/** The requestPayment parameters of a JSAPI / mini-program prepay. */
export function requestPaymentParams(appid: string, prepayId: string, privateKey: KeyObject, nowS: number, nonce = Formatter.nonce()): RequestPaymentParams {
  const timeStamp = String(nowS)
  const pkg = `prepay_id=${prepayId}`
  return { timeStamp, nonceStr: nonce, package: pkg, signType: 'RSA', paySign: Rsa.sign(Formatter.joinedByLineFeed(appid, timeStamp, nonce, pkg), privateKey) }
}
