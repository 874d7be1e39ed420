import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signRequest } from '../../server/contracts/signing'
import { type MockAgencies, startMockAgencies } from '../../mock/serve'

const secretFor = (contract: string) => `secret-of-${contract}`
let agencies: MockAgencies
beforeAll(async () => {
  agencies = await startMockAgencies({ secretFor })
})
afterAll(() => agencies.stop())

async function signedFetch(base: string, contract: string, method: 'GET' | 'POST', target: string, body?: unknown) {
  const text = body === undefined ? '' : JSON.stringify(body)
  const headers = signRequest({ method, target, body: text }, secretFor(contract))
  return fetch(base + target, { method, headers: { ...headers, ...(text ? { 'content-type': 'application/json' } : {}) }, ...(text ? { body: text } : {}) })
}

describe('startMockAgencies', () => {
  it('listens every agency on 127.0.0.1 with its own port', () => {
    const urls = Object.values(agencies.urls)
    expect(urls).toHaveLength(6)
    for (const url of urls) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(new Set(urls).size).toBe(urls.length)
  })

  it('each answers over real HTTP a request signed with its own secret, and refuses another’s', async () => {
    const calls: [string, 'GET' | 'POST', string, unknown?][] = [
      ['traffic@1', 'POST', '/v1/violations/query', { plate: '川A12345', plateType: '02', engineTail: '12345A' }],
      ['hospital@1', 'GET', '/v1/hospitals'],
      ['identity@1', 'POST', '/v1/identity/verify', { name: '张伟', idNumber: '510603199003071238' }],
      ['payment@1', 'GET', '/v1/orders/ORD-none-1'],
      ['social-security@1', 'POST', '/v1/insured/query', { idNumber: '51060019900101001X' }],
      ['housing-fund@1', 'POST', '/v1/account/query', { idNumber: '510600199001010011' }],
    ]
    for (const [contract, method, target, body] of calls) {
      const base = agencies.urls[contract as keyof typeof agencies.urls]!
      const ok = await signedFetch(base, contract, method, target, body)
      expect([200, 404]).toContain(ok.status)
      const wrong = await signedFetch(base, 'another', method, target, body)
      expect(wrong.status).toBe(401)
    }
  })
})
