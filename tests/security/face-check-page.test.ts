import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rotateSigningSecret } from '../../server/modules/agencies/service'
import { faceCheckPageProblem } from '../../server/modules/citizens/face-check-page'
import { platformAgency } from '../../server/modules/gateway/agency-targets'
import { type Citizen, type CitizenPlatform, startCitizenPlatform } from '../server/citizen-platform'
import { freshPerson } from '../server/fresh-person'
import { testBox } from '../server/test-app'

// Issue 16, the face check's last gap: with a real (not simulated) identity
// agency the app opens the agency's own page for the check. The platform
// hands out that page only for the citizen's own check, and only on the
// agency's origin (https with a host name in production), so neither an
// agency nor a citizen can make the app open another site. Also: the old
// account of a moved identity keeps nothing of that person, and the demo
// agencies keep working after an operator rotates their secret.

let p: CitizenPlatform
let identity: { serviceId: string; endpoint: string }

beforeAll(async () => {
  // Not the simulated page of the H5 app: the agency's own page, as in production.
  p = await startCitizenPlatform({ agencyTimeoutMs: 2000, faceCheckSimulator: false })
  identity = await platformAgency(p.db, testBox, 'identity@1')
}, 60_000)
afterAll(() => p?.stop())

async function verified(person: { name: string; idNumber: string }): Promise<Citizen> {
  const c = await p.citizen()
  const res = await c.call('POST', '/v1/me/identity', person)
  expect(res.statusCode, res.body).toBe(200)
  return c
}

const storedChecks = async () => (await p.db.query<{ n: number }>('SELECT count(*)::int AS n FROM face_checks'))[0]!.n

describe("the identity agency's face-check page", () => {
  it('is given out for the citizen’s own check, on the agency’s origin, and completing it there passes the check', async () => {
    const person = freshPerson()
    await verified(person)
    const second = await p.citizen()
    const started = await second.call('POST', '/v1/me/face-checks', { purpose: 'move', ...person })
    expect(started.statusCode, started.body).toBe(201)
    const { checkId, url, simulated } = started.json().faceCheck
    expect(simulated).toBe(false)
    expect(new URL(url).origin).toBe(new URL(identity.endpoint).origin)

    const page = await second.call('GET', `/v1/me/face-checks/${checkId}`)
    expect(page.statusCode, page.body).toBe(200)
    expect(page.json().faceCheck).toMatchObject({ checkId, url, status: 'pending' })
    // Another account's check, or one never started, is unknown: no page to open.
    expect((await (await p.citizen()).call('GET', `/v1/me/face-checks/${checkId}`)).statusCode).toBe(404)
    expect((await second.call('GET', `/v1/me/face-checks/${'x'.repeat(32)}`)).statusCode).toBe(404)

    // The citizen's browser (loopback: the simulated agency) opens the page and shows their face.
    const shown = await fetch(url)
    expect(shown.status).toBe(200)
    expect(await shown.text()).toContain('人脸核身')
    expect((await fetch(`${url}?face=match`)).status).toBe(200)
    // Back in the app: the platform asks the agency, as for the simulated page.
    const result = await second.call('POST', `/v1/me/face-checks/${checkId}/result`)
    expect(result.json()).toMatchObject({ faceCheck: { status: 'passed' }, identity: { name: '*伟' } })
    expect((await second.call('GET', `/v1/me/face-checks/${checkId}`)).json().faceCheck.status).toBe('passed')
  })

  describe('an agency answering another page is refused (502, nothing stored)', () => {
    let fake: FastifyInstance
    let fakeOrigin: string
    let answerUrl = ''

    beforeAll(async () => {
      // A loopback identity agency (unsigned answers are fine: the platform signs, agencies verify) answering whatever page the test sets.
      fake = Fastify()
      fake.post('/identity/v1/identity/verify', async () => ({ match: true, checkedAt: new Date().toISOString() }))
      fake.post('/identity/v1/identity/face-checks', async () => ({ checkId: `fake-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, url: answerUrl, expiresAt: new Date(Date.now() + 300_000).toISOString() }))
      fakeOrigin = await fake.listen({ host: '127.0.0.1', port: 0 })
      await p.db.query('UPDATE services SET endpoint = $1 WHERE id = $2', [`${fakeOrigin}/identity`, identity.serviceId])
    })
    afterAll(async () => {
      await p.db.query('UPDATE services SET endpoint = $1 WHERE id = $2', [identity.endpoint, identity.serviceId])
      await fake.close()
    })

    it.each([
      ['another site', () => 'https://evil.example.com/face'],
      ['the same host on another port', () => fakeOrigin.replace(/:\d+$/, ':1') + '/face'],
      ['user info that reads like the agency', () => fakeOrigin.replace('http://', 'http://agency@') + '/face'],
      ['another scheme', () => 'javascript:alert(1)'],
    ])('%s', async (_what, url) => {
      answerUrl = url()
      const c = await verified(freshPerson())
      const before = await storedChecks()
      const res = await c.call('POST', '/v1/me/face-checks', { purpose: 'step-up' })
      expect(res.statusCode, res.body).toBe(502)
      expect(res.json().error.code).toBe('AGENCY_UNAVAILABLE')
      expect(await storedChecks()).toBe(before)
    })

    it('the agency’s own origin is accepted', async () => {
      answerUrl = `${fakeOrigin}/h5/face`
      const res = await (await verified(freshPerson())).call('POST', '/v1/me/face-checks', { purpose: 'step-up' })
      expect(res.statusCode, res.body).toBe(201)
      expect(res.json().faceCheck.url).toBe(`${fakeOrigin}/h5/face`)
    })
  })

  it('in production only https with a host name, on the agency’s origin', () => {
    const endpoint = 'https://face.gat.example.gov.cn/api/v1'
    expect(faceCheckPageProblem('https://face.gat.example.gov.cn/h5/check?id=1', endpoint, true)).toBeUndefined()
    expect(faceCheckPageProblem('http://face.gat.example.gov.cn/h5/check', 'http://face.gat.example.gov.cn/api', true)).toContain('https')
    expect(faceCheckPageProblem('https://203.0.113.7/h5/check', 'https://203.0.113.7/api', true)).toContain('IP address')
    expect(faceCheckPageProblem('https://h5.gat.example.gov.cn/check', endpoint, true)).toContain('own origin')
    expect(faceCheckPageProblem('not a url', endpoint, true)).toBeDefined()
    // Development: the simulated agencies are plain http on loopback.
    expect(faceCheckPageProblem('http://127.0.0.1:4000/identity/v1/identity/face-checks/x/page', 'http://127.0.0.1:4000/identity', false)).toBeUndefined()
  })
})

describe('a moved identity leaves nothing of that person in the old account', () => {
  it('the old account’s 本人 patient goes; its family patients stay; a new real name is its new 本人', async () => {
    const person = freshPerson()
    const first = await verified(person)
    expect((await first.call('GET', '/v1/me/patients')).json().patients[0].relation).toBe('self')
    const family = freshPerson('李娜')
    const added = await first.call('POST', '/v1/me/patients', { ...family, relation: 'spouse' })
    expect(added.statusCode, added.body).toBe(201)
    const citizenId = (await p.db.query<{ id: string }>('SELECT citizen_id AS id FROM patients WHERE id = $1', [added.json().patient.id]))[0]!.id

    const second = await p.citizen()
    const started = (await second.call('POST', '/v1/me/face-checks', { purpose: 'move', ...person })).json().faceCheck
    await fetch(`${started.url}?face=match`)
    expect((await second.call('POST', `/v1/me/face-checks/${started.checkId}/result`)).json().faceCheck.status).toBe('passed')

    const left = await p.db.query<{ relation: string }>('SELECT relation FROM patients WHERE citizen_id = $1', [citizenId])
    expect(left.map((r) => r.relation)).toEqual(['spouse'])
    // The new holder's 本人 is that person.
    expect((await second.call('GET', '/v1/me/patients')).json().patients[0]).toMatchObject({ relation: 'self', name: '*伟' })
    // The old account verifies as someone else: that person is its 本人, not the one who moved away.
    const other = freshPerson('王芳')
    expect((await first.call('POST', '/v1/me/identity', other)).statusCode).toBe(200)
    const mine = (await first.call('GET', '/v1/me/patients')).json().patients
    expect(mine[0]).toMatchObject({ relation: 'self', name: '*芳' })
  })
})

describe('the demo agencies after an operator rotates their secret', () => {
  it('keep answering once the old secret stops (no overlap): the simulated agency learns the new one', async () => {
    const { agencyId } = await platformAgency(p.db, testBox, 'identity@1')
    const c = await p.citizen()
    await rotateSigningSecret(p.db, testBox, agencyId, 0)
    const res = await c.call('POST', '/v1/me/identity', freshPerson())
    expect(res.statusCode, res.body).toBe(200)
    // And after an overlap has ended, too.
    await rotateSigningSecret(p.db, testBox, agencyId, 1)
    await p.db.query(`UPDATE agencies SET previous_signing_secret_until = now() - interval '1 second' WHERE id = $1`, [agencyId])
    const again = await (await p.citizen()).call('POST', '/v1/me/identity', freshPerson())
    expect(again.statusCode, again.body).toBe(200)
  })
})
