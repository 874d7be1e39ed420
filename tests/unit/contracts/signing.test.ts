import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  MAX_SKEW_MS,
  SIGNATURE_HEADERS,
  canonicalRequest,
  createReplayGuard,
  signRequest,
  verifyRequest,
} from '../../../server/contracts/signing'

const SECRET = 'agency-secret-0123456789'
const NOW = 1_795_000_000_000
const req = { method: 'POST', target: '/v1/violations/pay?city=440300', body: '{"violationId":"v1","amountFen":20000}' }

describe('request signing', () => {
  it('the canonical text has method, target, timestamp, nonce and body hash on their own lines', () => {
    const lines = canonicalRequest(req, '123', 'n1').split('\n')
    expect(lines.slice(0, 4)).toEqual(['POST', '/v1/violations/pay?city=440300', '123', 'n1'])
    expect(lines[4]).toMatch(/^[0-9a-f]{64}$/)
  })

  it('a signed request verifies', () => {
    const headers = signRequest(req, SECRET, NOW, 'nonce-1')
    expect(verifyRequest(req, headers, SECRET, { now: NOW + 1000 })).toEqual({ ok: true })
  })

  it.each([
    ['no headers at all', {}],
    ['no signature', { [SIGNATURE_HEADERS.timestamp]: String(NOW), [SIGNATURE_HEADERS.nonce]: 'n' }],
    ['empty signature', { [SIGNATURE_HEADERS.timestamp]: String(NOW), [SIGNATURE_HEADERS.nonce]: 'n', [SIGNATURE_HEADERS.signature]: '' }],
  ])('rejects an unsigned request (%s)', (_name, headers) => {
    expect(verifyRequest(req, headers, SECRET, { now: NOW })).toEqual({ ok: false, reason: 'unsigned' })
  })

  it.each([
    ['the body', { ...req, body: '{"violationId":"v1","amountFen":1}' }],
    ['the path', { ...req, target: '/v1/violations/pay?city=110100' }],
    ['the method', { ...req, method: 'PUT' }],
  ])('rejects a request whose %s was changed after signing', (_name, tampered) => {
    const headers = signRequest(req, SECRET, NOW, 'n')
    expect(verifyRequest(tampered, headers, SECRET, { now: NOW })).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it('rejects a request signed with another secret', () => {
    const headers = signRequest(req, 'someone-else', NOW, 'n')
    expect(verifyRequest(req, headers, SECRET, { now: NOW })).toEqual({ ok: false, reason: 'bad-signature' })
  })

  it.each([MAX_SKEW_MS + 1, -(MAX_SKEW_MS + 1)])('rejects a request whose timestamp is %i ms off as stale', (offset) => {
    const headers = signRequest(req, SECRET, NOW, 'n')
    expect(verifyRequest(req, headers, SECRET, { now: NOW + offset })).toEqual({ ok: false, reason: 'stale' })
  })

  it('rejects a non-numeric timestamp as stale', () => {
    const headers = { ...signRequest(req, SECRET, NOW, 'n'), [SIGNATURE_HEADERS.timestamp]: 'yesterday' }
    expect(verifyRequest(req, headers, SECRET, { now: NOW })).toEqual({ ok: false, reason: 'stale' })
  })

  it('with a replay guard, the same signed request is accepted once', () => {
    const guard = createReplayGuard()
    const now = Date.now()
    const headers = signRequest(req, SECRET, now)
    expect(verifyRequest(req, headers, SECRET, { now, guard })).toEqual({ ok: true })
    expect(verifyRequest(req, headers, SECRET, { now, guard })).toEqual({ ok: false, reason: 'replayed' })
    expect(verifyRequest(req, signRequest(req, SECRET, now), SECRET, { now, guard })).toEqual({ ok: true })
  })

  it('any change to a signed request is detected (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string({ minLength: 1 }), (body, otherBody, target) => {
        fc.pre(body !== otherBody)
        const signed = { method: 'POST', target, body }
        const headers = signRequest(signed, SECRET, NOW, 'n')
        expect(verifyRequest(signed, headers, SECRET, { now: NOW }).ok).toBe(true)
        expect(verifyRequest({ ...signed, body: otherBody }, headers, SECRET, { now: NOW }).ok).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})
