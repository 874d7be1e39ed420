import { createPublicKey, createVerify, createDecipheriv } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  authorization,
  decryptResource,
  encryptResource,
  parseAuthorization,
  privateKeyOf,
  requestPaymentParams,
  verifyMerchantRequest,
  verifyWechatpay,
  wechatpayHeaders,
} from '../../../server/contracts/wechat-pay/protocol'

// A TEST-ONLY RSA key made for this file (openssl genpkey); it belongs to no merchant and pays nothing.
const TEST_KEY = privateKeyOf(`-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCcsyYqMf5ovFrf
ZEtVGSAhiGO/WDh0JaLTbDckRbwjHbjz9HPDYLqBbxM0Z6fCn+3Fc5aBo47TspVy
Dns4C5tmir+7NR3QtDsPn+Rl2xv0IyQoy4LmHuYuq4ebQlS79vEJ73V4vRqd5Evi
l0HIwOEOp3TMhjoXu2pYyllk3KzT9Q3faShCDGSotyXerijP6bfNS5APsFaAnAeG
og9Xg8fCkwN9i76qBJaf75ytaeEllMnir2z+SeA+ckm8n/CBs5tcJvcWCci1dTL4
j2GuZGzv9pYZJqi/Fh51Dt0B0xTzVzqRfCeeiljjDfAmRFIk8CBTme9S+QdfMVGZ
0a8lML8FAgMBAAECggEAAuQuV9h4zoNtNNKDrlQKmvvKhWESF5iLLtYAFXgA7u/x
NfUkfq4l+tXrF4wzFP0A9OP7WrSDIeZZahOY0/Go4iU8wO5LuMpejZ0AaJ24oBJW
7DbHGUpoKmPJWoTIjfhSPcHwm7P3jgLEoK90TAk9Ddlqpwxx/XackXtYV2tX+Ag1
3VDnCAawzAEKtnNrUrvqMAwWeDhK6iiNTNA3B7PrhbnkV4XPlm/mwN6kdZT7b6vX
64EEJYd6FO9FSx8B6EQTop1URu5qnrFdEFPan1Sr0GSV8SMhT/CAVUU/XxnTqGfu
qRJW6UvliNx9MKTlKMhvjr4auWkAlAzxBFC854tLsQKBgQDR6DceMsJ0Eu4fKUZX
97FPKSv2D5lGtW0Inw0FUtSc22OwCAGIWd+RftnCOXIsN0nwxap1YOrYVuaAvcO0
lJjBFrHzt1MI2cEIu8LFXSOGWD3bBC/xOsYIcOAkq/R7XOVFsGS1keYNnr+7m9CE
F5yxSUeSDBtCh3ndeK1TXZQFMQKBgQC/G+wNJP6BdBse2Bi9fpE77V3kIvcehG3u
ynhVdFB9RuReieJBsUPVzztcVld/cZgMAca/gRU6u0dbdoOGcK5FTIDxvlyo3Y9G
TOfuQnpmZNQgz2eQfwHAbnCHdufpuGd2mTgNF4g59WOF9vv4deLlL1XPwFXAzyN1
xMlHxGTyFQKBgGjlwj2uIiz9lNAvwT6OwqYLrjNuQivq2I05ZrllVmj43k2HArUQ
LMC6ArqkGKFuE95l+bRk9Zedfd2Sd63ToK7F17IyyCUhJO1nX4Nf8zPc/zRnWEoW
FAb92ZWZ9Th9CPqVlw6B1dSyo6Bu0npgjmaudzzOHgVWTJlYCE4j8qfRAoGBAIX6
VEVuzwIAXNcF1mpapgTmRvGeVbLOUqeayDvYfGknXwisD7PQS2dEjjAQ0+yjvV2F
jUlKfJCdJMyJTHHe4z3wAWH4+8ri8QPu/JY7gsXwIAsUfF1/vMGkaz187d8biWVK
y1HaUoWXc/tCCKnKM5RK2BT6mOPAE/MHT7kBhWd1AoGBALtvHuMse70mJtB1/rJ6
PoA69xXlXLVtpdBvRa3P/B2Fl66qbTx4hE83kZHsZ9PSkhLn0et3XevgVOwRxQje
JYsaHJQ40FwGVVHO2GC1FfzaNuuyjDnfPzeNUH09jghdqTHh+K5DcNuk0uG8wK94
hYprLYWA8gpbmq76BEkM3ucN
-----END PRIVATE KEY-----`)
const TEST_PUBLIC = createPublicKey(TEST_KEY)
const APIV3_KEY = 'aaaaaaaaaaaaaaaaBBBBBBBBBBBBBBBB'
const T = 1796600000

/** Checks a SHA256withRSA signature with node:crypto alone (not the library under use), as WeChat Pay would. */
const rsaVerifies = (message: string, signature: string) => createVerify('RSA-SHA256').update(message).verify(TEST_PUBLIC, signature, 'base64')

describe('WeChat Pay v3 signatures (known vectors)', () => {
  it('signs a request: the Authorization header over method, path, timestamp, nonce and body', () => {
    const header = authorization({ mchid: '1900000109', serial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', privateKey: TEST_KEY }, 'POST', '/v3/pay/transactions/jsapi', '{"a":1}', T, 'NONCE0123456789ABCDEFGHIJKLMNOPQ')
    expect(header).toBe(
      'WECHATPAY2-SHA256-RSA2048 mchid="1900000109",serial_no="5157F09EFDC096DE15EBE81A47057A7232F1B8E1",timestamp="1796600000",nonce_str="NONCE0123456789ABCDEFGHIJKLMNOPQ",signature="VMWgSFWNfTXmOwGf6SscGMy1oRyBvzNzNrEsVMqAT6C99sUSDBGcb4LzFpN01wOMUJ17wBDNUg4Z1r66hkwvt3/rP4s7TPj9wgyfDpRpHggRLm6HkZnmBkUilB+rmlI3l1EPLvtUIHuvmUXcJMlMswW6ZewW3dHElSJ7ytN9IVc1V5mi+yleB5J8yWeseSHElHDC4Kqv8XyKa+xCjvS+eLgATYMdyKRiK1EwSdz8+M3bE8NfkbNzY4R6ZJwuaVCehA+gTCA4W+GkF9ZtFEvV4NEyEx3dUJrgwxEY2nKRf8Xk9nl4Bh8y9tNnoTHWvbE7EskZK527yRgQavkXNybTdw=="',
    )
    const parsed = parseAuthorization(header)!
    expect(rsaVerifies(`POST\n/v3/pay/transactions/jsapi\n${T}\nNONCE0123456789ABCDEFGHIJKLMNOPQ\n{"a":1}\n`, parsed.signature)).toBe(true)
    const merchant = { mchid: '1900000109', serial: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1', publicKey: TEST_PUBLIC }
    expect(verifyMerchantRequest(header, { method: 'POST', uri: '/v3/pay/transactions/jsapi', body: '{"a":1}' }, merchant, T + 60)).toBe(true)
    expect(verifyMerchantRequest(header, { method: 'POST', uri: '/v3/pay/transactions/jsapi', body: '{"a":2}' }, merchant, T + 60)).toBe(false)
    expect(verifyMerchantRequest(header, { method: 'POST', uri: '/v3/pay/transactions/jsapi', body: '{"a":1}' }, merchant, T + 301)).toBe(false)
  })

  it('signs requestPayment RSA over appid\\ntimeStamp\\nnonceStr\\npackage\\n', () => {
    const params = requestPaymentParams('wxd678efh567hg6787', 'wx201410272009395522657a690389285100', TEST_KEY, T, '5K8264ILTKCH16CQ2502SI8ZNMTM67VS')
    expect(params).toEqual({
      timeStamp: '1796600000',
      nonceStr: '5K8264ILTKCH16CQ2502SI8ZNMTM67VS',
      package: 'prepay_id=wx201410272009395522657a690389285100',
      signType: 'RSA',
      paySign:
        'BzOcJzujSWBToFVLEz/LQJW+KWSEsfnKlcPLYedlhNFKeRttH013Hk5YHt08LITVlJcmf7wO7libG3TF55uKiBvvEe+s0j5e0uMZiB+UjCnq/a3hx5iqcz6ZAwpAztF77Xm5PBIB0hjkT9rgDrFLh/IvX+MWBSU8JBibW9WDiEXwd3mfgDbfJL0qc+O09PXV0l7uzdzNvj9LKmDZJckZcbInCnqtx4htTHrHAtgKorpXXCPLW2QEqunpdGg8xngYGtxL9j3XYEcgmnZwaKqBIQGR3IRO09biDJp6aaz5JVS9RtOTou58MXHH7KyAVlAeG1qlV/lOHUV+TALUHFvXMg==',
    })
    expect(rsaVerifies('wxd678efh567hg6787\n1796600000\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n', params.paySign)).toBe(true)
  })

  it('verifies WeChat Pay’s signed answer or notification by Wechatpay-Serial; refuses probes, stale clocks, unknown keys and forgeries', () => {
    const serial = 'PUB_KEY_ID_0114232134912410000000000000'
    const body = '{"id":"EV-1"}'
    const headers = wechatpayHeaders({ serial, privateKey: TEST_KEY }, body, T, 'respnonce0000000000000000000001')
    expect(headers['wechatpay-signature']).toBe(
      'DgoM/xi39NUSXuSrUA52sUtpvuzuT//TEwZrGas19LFItwLFTsy52yrsxa4MrPaN05R3xSmkDBqoMyvSanFzzdivFnc9DPpUy9E664k8t+qRsY6KreQJuUsBpSegN6vadRYU5t5EgMNdBCIhrhm2Iaq1Vexos6nToudoXiS/uClsOLXkArEVpmVP2noDcllMZleODU2QarAtSvXsdOKtvc0zHtGFiE0dDs6LikQUsT0BE/og2/ZGp/4JNx6CFYk+9ynAv4ebUUM1nL7rstPofMIypoYT26zBqDZbqLpzd9S+B4r4wr5FdfS7Zr6+vxwosc28kmG2or+sUuFW7liLkQ==',
    )
    const keys = new Map([[serial, TEST_PUBLIC]])
    expect(verifyWechatpay(headers, body, keys, T)).toEqual({ ok: true })
    expect(verifyWechatpay(headers, body, keys, T + 300)).toEqual({ ok: true })
    expect(verifyWechatpay(headers, body, keys, T + 301)).toEqual({ ok: false, reason: 'stale' })
    expect(verifyWechatpay(headers, body, keys, T - 301)).toEqual({ ok: false, reason: 'stale' })
    expect(verifyWechatpay(headers, '{"id":"EV-2"}', keys, T)).toEqual({ ok: false, reason: 'bad-signature' })
    expect(verifyWechatpay({ ...headers, 'wechatpay-signature': `WECHATPAY/SIGNTEST/${headers['wechatpay-signature']}` }, body, keys, T)).toEqual({ ok: false, reason: 'signtest' })
    expect(verifyWechatpay({ ...headers, 'wechatpay-serial': 'PUB_KEY_ID_OTHER' }, body, keys, T)).toEqual({ ok: false, reason: 'unknown-serial' })
    expect(verifyWechatpay({ ...headers, 'wechatpay-nonce': undefined }, body, keys, T)).toEqual({ ok: false, reason: 'missing-headers' })
  })
})

describe('WeChat Pay v3 notification resources: AEAD_AES_256_GCM with the APIv3 key (known vector)', () => {
  const plaintext = '{"out_trade_no":"oc-test-000001","trade_state":"SUCCESS"}'
  const vector = {
    algorithm: 'AEAD_AES_256_GCM' as const,
    ciphertext: 'eomMlCxOdEm4bX1KcA+i9vGl01piwewFZcRdR/bY/u8TwePV/dgUhqRufHrfacjx436MSBVQKa4NxMIe2CPpqSWRbZMOY8TnVw==',
    associated_data: 'transaction',
    nonce: 'fixednonce12',
    original_type: 'transaction',
  }

  it('encrypts and decrypts the known vector, which node:crypto alone decrypts too', () => {
    expect(encryptResource(plaintext, APIV3_KEY, 'transaction', 'fixednonce12')).toEqual(vector)
    expect(decryptResource(vector, APIV3_KEY)).toBe(plaintext)
    const raw = Buffer.from(vector.ciphertext, 'base64')
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(APIV3_KEY), Buffer.from(vector.nonce)).setAAD(Buffer.from(vector.associated_data))
    decipher.setAuthTag(raw.subarray(raw.length - 16))
    expect(Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString()).toBe(plaintext)
  })

  it('refuses another APIv3 key, altered ciphertext and altered associated data', () => {
    expect(() => decryptResource(vector, 'x'.repeat(32))).toThrow()
    const altered = Buffer.from(vector.ciphertext, 'base64')
    altered[0] = altered[0]! ^ 1
    expect(() => decryptResource({ ...vector, ciphertext: altered.toString('base64') }, APIV3_KEY)).toThrow()
    expect(() => decryptResource({ ...vector, associated_data: 'refund' }, APIV3_KEY)).toThrow()
  })
})
