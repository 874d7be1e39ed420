import { type KeyObject, generateKeyPairSync, randomBytes } from 'node:crypto'

/** The merchant's side of WeChat Pay v3: what the platform signs and verifies with. */
export interface MerchantKeys {
  mchid: string
  appid: string
  /** The merchant API certificate's serial number (names the key in every request). */
  serial: string
  privateKey: KeyObject
  /** The APIv3 key (32 characters) that decrypts notification resources. */
  apiV3Key: string
  /** WeChat Pay's public keys by id (WeChat Pay public key id `PUB_KEY_ID_…` or platform certificate serial). */
  wechatpayKeys: ReadonlyMap<string, KeyObject>
}

/** WeChat Pay's side (the simulated one): it signs with its own key and checks the merchant's. */
export interface SimulatorKeys {
  mchid: string
  appid: string
  merchantSerial: string
  merchantPublicKey: KeyObject
  apiV3Key: string
  /** Its public key id (Wechatpay-Serial) and private key. */
  publicKeyId: string
  privateKey: KeyObject
}

/**
 * Development and test keys for the simulated WeChat Pay: fresh RSA-2048
 * pairs for the merchant and for "WeChat Pay" and a fresh APIv3 key, made at
 * each start and never written anywhere, so no key is ever committed and a
 * real merchant's keys are never needed outside production.
 */
export function generateDevWechatPayKeys(appid: string): { merchant: MerchantKeys; simulator: SimulatorKeys } {
  const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 })
  const merchantPair = pair()
  const wechatPair = pair()
  const mchid = '1900000109'
  const serial = randomBytes(20).toString('hex').toUpperCase()
  const publicKeyId = `PUB_KEY_ID_01${randomBytes(14).toString('hex').toUpperCase()}`
  const apiV3Key = randomBytes(24).toString('base64url').slice(0, 32)
  return {
    merchant: { mchid, appid, serial, privateKey: merchantPair.privateKey, apiV3Key, wechatpayKeys: new Map([[publicKeyId, wechatPair.publicKey]]) },
    simulator: { mchid, appid, merchantSerial: serial, merchantPublicKey: merchantPair.publicKey, apiV3Key, publicKeyId, privateKey: wechatPair.privateKey },
  }
}
