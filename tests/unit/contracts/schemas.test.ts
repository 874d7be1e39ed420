import Ajv from 'ajv'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { describe, expect, it } from 'vitest'
import { COMMON_ERRORS, type Operation } from '../../../server/contracts/common'
import * as hospital from '../../../server/contracts/hospital'
import * as housingFund from '../../../server/contracts/housing-fund'
import * as identity from '../../../server/contracts/identity'
import * as payment from '../../../server/contracts/payment'
import * as socialSecurity from '../../../server/contracts/social-security'
import * as traffic from '../../../server/contracts/traffic'
import * as utilities from '../../../server/contracts/utilities'
import * as trafficApi from '../../../src/api/traffic'
import { TYPED_CONTRACTS } from '../../../server/modules/onboarding/manifest-schema'

const CONTRACTS = [
  { module: traffic, prefix: 'traffic', errors: traffic.TRAFFIC_ERRORS },
  { module: hospital, prefix: 'hospital', errors: hospital.HOSPITAL_ERRORS },
  { module: identity, prefix: 'identity', errors: identity.IDENTITY_ERRORS },
  { module: payment, prefix: 'payment', errors: payment.PAYMENT_ERRORS },
  { module: socialSecurity, prefix: 'social-security', errors: socialSecurity.SOCIAL_SECURITY_ERRORS },
  { module: housingFund, prefix: 'housing-fund', errors: housingFund.HOUSING_FUND_ERRORS },
  { module: utilities, prefix: 'utilities', errors: utilities.UTILITIES_ERRORS },
] as const

const schemasOf = (op: Operation) => [op.params, op.query, op.body, op.response].filter((s): s is TSchema => s !== undefined)

describe.each(CONTRACTS)('contract $prefix', ({ module, prefix, errors }) => {
  const ops = module.operations as readonly Operation[]

  it('is one of the typed contracts a manifest can declare', () => {
    expect(CONTRACTS.map((c) => c.module.CONTRACT).sort()).toEqual([...TYPED_CONTRACTS].sort())
    expect(TYPED_CONTRACTS).toContain(module.CONTRACT)
    expect(module.CONTRACT).toBe(`${prefix}@1`)
  })

  it('names every operation once and every method + path once', () => {
    expect(new Set(ops.map((o) => o.name)).size).toBe(ops.length)
    expect(new Set(ops.map((o) => `${o.method} ${o.path}`)).size).toBe(ops.length)
  })

  it('gives every request and response schema an $id prefixed with the contract, one schema per $id', () => {
    const byId = new Map<string, TSchema>()
    for (const s of ops.flatMap(schemasOf)) {
      const id = (s as { $id?: string }).$id
      expect(id).toMatch(new RegExp(`^${prefix}\\.[A-Z][A-Za-z]+$`))
      // Operations may share a schema (the same object), never two schemas under one $id.
      if (byId.has(id!)) expect(byId.get(id!)).toBe(s)
      byId.set(id!, s)
    }
  })

  it('declares only error codes from its table, with 4xx statuses, none clashing with the common ones', () => {
    for (const op of ops) for (const code of op.errors) expect(Object.keys(errors)).toContain(code)
    for (const [code, status] of Object.entries(errors)) {
      expect(status).toBeGreaterThanOrEqual(400)
      expect(status).toBeLessThan(500)
      expect(Object.keys(COMMON_ERRORS)).not.toContain(code)
    }
  })

  it('path parameters match the params schema', () => {
    for (const op of ops) {
      const inPath = [...op.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]).sort()
      const declared = Object.keys((op.params as { properties?: object } | undefined)?.properties ?? {}).sort()
      expect(inPath).toEqual(declared)
    }
  })

  it('every schema compiles in one Ajv instance (strict, no duplicate $id)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false })
    for (const s of ops.flatMap(schemasOf)) expect(() => ajv.compile(s)).not.toThrow()
  })

  it('every object schema refuses unknown fields', () => {
    const walk = (s: any): void => {
      if (s && typeof s === 'object') {
        if (s.type === 'object') expect(s.additionalProperties).toBe(false)
        for (const v of Object.values(s)) walk(v)
      }
    }
    for (const s of ops.flatMap(schemasOf)) walk(s)
  })

  it('calls that carry PII use POST bodies, never paths or query strings', () => {
    for (const op of ops) {
      const outside = JSON.stringify([op.params ?? {}, op.query ?? {}])
      expect(outside).not.toMatch(/idNumber|licenceNo|plate"|patient/)
    }
  })
})

describe('contract schema facts', () => {
  const violation = {
    id: '5100000000000001',
    time: '2025-06-10T08:30:00+08:00',
    place: '人民路',
    behaviour: '违停',
    code: '1039',
    fineFen: 15000,
    points: 0,
    status: 'unpaid',
    payableOnline: true,
  }

  it('money is integer fen: a fractional fine is refused', () => {
    const list = { violations: [violation], summary: { count: 1, unpaidCount: 1, unpaidFineFen: 15000, unpaidPoints: 0 } }
    expect(Value.Check(trafficApi.ViolationList, list)).toBe(true)
    expect(Value.Check(trafficApi.ViolationList, { ...list, violations: [{ ...violation, fineFen: 150.5 }] })).toBe(false)
    expect(Value.Check(payment.CreateOrderRequest, { orderId: 'ORD-0001', amountFen: 0.5, description: 'x', notifyUrl: 'https://p.example/n' })).toBe(false)
  })

  it('violation status is one of unpaid, paid, processing', () => {
    expect(Value.Check(trafficApi.ViolationList, { violations: [{ ...violation, status: 'overdue' }], summary: { count: 1, unpaidCount: 0, unpaidFineFen: 0, unpaidPoints: 0 } })).toBe(false)
  })

  it('masked fields refuse a full ID number', () => {
    const points = { licenceNo: '5106**********0011', licenceClass: 'C1', points: 3, cycleStart: '2025-03-01', cycleEnd: '2026-02-28', status: 'normal', validUntil: '2031-03-01' }
    expect(Value.Check(trafficApi.LicencePoints, points)).toBe(true)
    expect(Value.Check(trafficApi.LicencePoints, { ...points, licenceNo: '510600199001010011' })).toBe(false)
  })

  it('a booking request needs a patient with a real name and an 18-character ID number', () => {
    const ok = { slotId: 'people-1.cardiology-0.2025-06-19.0800', patient: { name: '李四', idNumber: '51060019850505002X' }, idempotencyKey: 'key-00000001' }
    expect(Value.Check(hospital.BookRequest, ok)).toBe(true)
    expect(Value.Check(hospital.BookRequest, { ...ok, patient: { name: '李四', idNumber: '51060019850505002' } })).toBe(false)
    expect(Value.Check(hospital.BookRequest, { ...ok, idempotencyKey: 'short' })).toBe(false)
  })

  it('identity answers a boolean and never has room for the ID number', () => {
    expect(Value.Check(identity.VerifyResult, { match: true, checkedAt: '2025-06-18T10:00:00+08:00' })).toBe(true)
    expect(Value.Check(identity.VerifyResult, { match: true, checkedAt: '2025-06-18T10:00:00+08:00', idNumber: '510600199001010011' })).toBe(false)
  })

  it('the payment notify is a callback, the others calls', () => {
    expect(payment.operations.filter((o) => o.kind === 'callback').map((o) => o.name)).toEqual(['notify'])
  })
})
