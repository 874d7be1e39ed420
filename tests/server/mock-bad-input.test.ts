import fc from 'fast-check'
import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Operation } from '../../server/contracts/common'
import * as hospital from '../../server/contracts/hospital'
import * as housingFund from '../../server/contracts/housing-fund'
import * as identity from '../../server/contracts/identity'
import * as payment from '../../server/contracts/payment'
import * as socialSecurity from '../../server/contracts/social-security'
import * as traffic from '../../server/contracts/traffic'
import { ErrorBody } from '../../server/errors'
import { simulatedAgencies } from '../../mock/agencies'
import { type AgencyApp, createAgencyApp } from '../../mock/shared/agency-app'
import { signedClient } from '../fixtures/signed-inject'

const TABLES = [traffic, hospital, identity, payment, socialSecurity, housingFund] as const
const SECRET = 'fuzz-secret'
const apps: AgencyApp[] = []
afterAll(() => Promise.all(apps.map((a) => a.close())))

// Whatever a caller sends, a signed request never gets a 5xx, and every error is the uniform body.
describe.each(TABLES.map((t) => [t.CONTRACT, t] as const))('%s mock under arbitrary input', (contract, table) => {
  let client: ReturnType<typeof signedClient>
  beforeAll(async () => {
    const app = createAgencyApp((await simulatedAgencies()).get(contract)!, { secret: SECRET })
    apps.push(app)
    await app.ready()
    client = signedClient(app, SECRET)
  })

  for (const op of (table.operations as readonly Operation[]).filter((o) => o.kind === 'call')) {
    it(`${op.name}: 4xx in the error body (or 200), never 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 24 }), fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 24 }), async (segment, body, query) => {
          const path = op.path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(segment) || 'x')
          const url = `${path}?${new URLSearchParams({ date: query, departmentId: query }).toString()}`
          const res = await client.call(op.method === 'GET' ? { method: 'GET', url } : { method: 'POST', url: path, body })
          expect(res.statusCode).toBeLessThan(500)
          if (res.statusCode >= 400) expect(Value.Check(ErrorBody, res.json())).toBe(true)
        }),
        { numRuns: 40 },
      )
    })
  }
})
