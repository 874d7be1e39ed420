import { describe, expect, it } from 'vitest'
import { percentile } from '../../../server/modules/review/checks/load-run'
import { manifestChecks } from '../../../server/modules/review/checks/manifest-checks'
import { findPii } from '../../../server/modules/review/checks/pii-scan'
import { adHostsIn, mobileFitProblems } from '../../../server/modules/review/checks/webview-checks'
import type { ServiceManifest } from '../../../server/modules/onboarding/manifest-schema'
import { type CheckResult, reviewPassed } from '../../../src/domain/quality-stars'
import { validManifest } from '../../fixtures/manifests'

describe('findPii', () => {
  it('finds full ID numbers and mobile numbers, masked', () => {
    expect(findPii('{"licenceNo":"510600199001010010"}')).toEqual(['ID number 5106**********0010'])
    expect(findPii('call 13812345678 now')).toEqual(['phone number 138****5678'])
    expect(findPii('x 11010120260101001X')).toEqual(['ID number 1101**********001X'])
  })

  it('ignores masked values and long digit runs (violation ids, receipts)', () => {
    expect(findPii('{"idNumber":"5106**********0010","phone":"138****5678"}')).toEqual([])
    expect(findPii('{"id":"1234567890123456","receiptNo":"00013812345678901234"}')).toEqual([])
    expect(findPii('{"fineFen":20000,"time":"2025-03-01T08:30:00+08:00"}')).toEqual([])
  })

  it('ignores digit runs inside hex tokens (nonces, signatures) but not beside Chinese text', () => {
    expect(findPii('{"nonceStr":"ab13812345678cd","paySign":"F510600199001010010E"}')).toEqual([])
    expect(findPii('手机13812345678，身份证510600199001010010')).toEqual(['ID number 5106**********0010', 'phone number 138****5678'])
  })
})

describe('page checks', () => {
  it('wants a device-width viewport and no fixed width wider than 375 px', () => {
    expect(mobileFitProblems('<meta name="viewport" content="width=device-width, initial-scale=1"><div style="width:300px">')).toEqual([])
    expect(mobileFitProblems('<html><body>')).toEqual(['no <meta name="viewport" content="width=device-width, …">'])
    expect(mobileFitProblems('<meta name="viewport" content="width=device-width"><style>.a{min-width: 980px}</style>')[0]).toMatch(/980px/)
  })

  it('finds ad and tracker hosts, subdomains included', () => {
    expect(adHostsIn('<script src="https://hm.baidu.com/hm.js"></script><img src="//x.doubleclick.net/p.gif">')).toEqual(['hm.baidu.com', 'x.doubleclick.net'])
    expect(adHostsIn('<script src="https://cdn.example.gov.cn/app.js"></script><a href="https://notdoubleclick.net.cn/">')).toEqual([])
  })
})

describe('manifestChecks', () => {
  const outcomes = (m: object) => Object.fromEntries(manifestChecks(m as ServiceManifest).map((c) => [c.id, c.outcome]))

  it('a complete traffic manifest passes every declaration check', () => {
    expect(Object.values(outcomes(validManifest('traffic@1'))).every((o) => o !== 'fail')).toBe(true)
  })

  it('query-only services: records, progress and notify do not apply', () => {
    const o = outcomes(validManifest('identity@1'))
    expect([o.records, o.progress, o.notify]).toEqual(['not-applicable', 'not-applicable', 'not-applicable'])
  })

  it('fee-bearing items without online payment fail `payment`; a free service does not need it', () => {
    const m = validManifest('traffic@1')
    expect(outcomes({ ...m, docs: { ...m.docs, fees: '罚款按处罚决定书' }, payments: { takesPayments: false } }).payment).toBe('fail')
    expect(outcomes({ ...m, docs: { ...m.docs, fees: '免费' }, payments: { takesPayments: false } }).payment).toBe('not-applicable')
  })

  it('a mini-program is judged on its ads declaration', () => {
    expect(outcomes({ ...validManifest('miniprogram'), adsFree: false })['no-ads']).toBe('fail')
    expect(outcomes(validManifest('traffic@1'))['no-ads']).toBe('not-applicable')
  })
})

describe('percentile and reviewPassed', () => {
  it('nearest-rank percentile', () => {
    expect(percentile([], 95)).toBe(0)
    expect(percentile([5], 95)).toBe(5)
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95)
  })

  it('a review passes unless `available` or `contract` failed or is missing', () => {
    const c = (id: string, outcome: CheckResult['outcome']) => ({ id, outcome, evidence: [] }) as CheckResult
    expect(reviewPassed([c('available', 'pass'), c('contract', 'not-applicable'), c('speed', 'fail')])).toBe(true)
    expect(reviewPassed([c('available', 'fail'), c('contract', 'pass')])).toBe(false)
    expect(reviewPassed([c('available', 'pass')])).toBe(false)
  })
})
