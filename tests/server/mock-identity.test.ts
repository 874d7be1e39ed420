import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ErrorBody } from '../../server/errors'
import { FaceCheckResult, FaceCheckStarted, VerifyResult } from '../../server/contracts/identity'
import { DEFAULT_PEOPLE, buildIdentityAgency } from '../../mock/identity/app'
import { itEnforcesSignatures } from '../fixtures/agency-security'
import { signedClient, unmaskedPii } from '../fixtures/signed-inject'

const SECRET = 'identity-secret-for-tests'
let app: ReturnType<typeof buildIdentityAgency>
let client: ReturnType<typeof signedClient>
beforeAll(async () => {
  app = buildIdentityAgency({ secret: SECRET })
  await app.ready()
  client = signedClient(app, SECRET)
})
afterAll(() => app.close())

const verify = (body: unknown) => client.post('/v1/identity/verify', body)
const known = DEFAULT_PEOPLE[0]!

describe('identity@1 mock', () => {
  it('a known person with their own name → match, valid against the schema, nothing echoed', async () => {
    const res = await verify(known)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(VerifyResult, body)).toBe(true)
    expect(body.match).toBe(true)
    expect(res.body).not.toContain(known.idNumber)
    expect(res.body).not.toContain(known.name)
  })

  it('a known number with another name → no match, NAME_MISMATCH', async () => {
    const body = (await verify({ ...known, name: '李四' })).json()
    expect(body).toMatchObject({ match: false, reason: 'NAME_MISMATCH' })
  })

  it('any other valid number matches; an invalid one (check digit, birth date, province) → ID_NOT_FOUND', async () => {
    expect((await verify({ name: '赵六', idNumber: '11010519491231002X' })).json().match).toBe(true)
    for (const idNumber of ['510603199003071239', '510603199002301234', '990603199003071238']) {
      expect((await verify({ name: '赵六', idNumber })).json()).toMatchObject({ match: false, reason: 'ID_NOT_FOUND' })
    }
  })

  it('the same question always gets the same answer', async () => {
    const a = (await verify({ ...known, name: '李四' })).json()
    const b = (await verify({ ...known, name: '李四' })).json()
    expect({ ...a, checkedAt: 0 }).toEqual({ ...b, checkedAt: 0 })
  })

  it.each([
    ['no name', { idNumber: known.idNumber }],
    ['a Latin name', { name: 'Zhang Wei', idNumber: known.idNumber }],
    ['a short ID number', { name: known.name, idNumber: '5106031990' }],
    ['a lower-case x', { name: known.name, idNumber: '11010519491231002x' }],
    ['an extra field', { ...known, phone: '13812341234' }],
  ])('%s → 400 VALIDATION_FAILED without echoing the input', async (_n, body) => {
    const res = await verify(body)
    expect(res.statusCode).toBe(400)
    expect(Value.Check(ErrorBody, res.json())).toBe(true)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('a GET or an unknown route → 4xx in the error body', async () => {
    const res = await client.get('/v1/identity/verify')
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    expect(Value.Check(ErrorBody, res.json())).toBe(true)
  })

  itEnforcesSignatures(() => app, SECRET, { method: 'POST', url: '/v1/identity/verify', body: known })

  it('no response body contained a full ID number or phone', () => {
    expect(client.bodies.flatMap(unmaskedPii)).toEqual([])
  })
})

describe('identity@1 mock: the face check (人脸核身)', () => {
  let clock = Date.parse('2026-12-07T10:00:00+08:00')
  let faceApp: ReturnType<typeof buildIdentityAgency>
  let face: ReturnType<typeof signedClient>
  beforeAll(async () => {
    faceApp = buildIdentityAgency({ secret: SECRET, now: () => clock })
    await faceApp.ready()
    face = signedClient(faceApp, SECRET, () => clock)
  })
  afterAll(() => faceApp.close())

  const start = async (person: { name: string; idNumber: string }) => {
    const res = await face.post('/v1/identity/face-checks', person)
    expect(res.statusCode).toBe(200)
    expect(Value.Check(FaceCheckStarted, res.json())).toBe(true)
    return res.json().checkId as string
  }
  const result = async (checkId: string) => (await face.get(`/v1/identity/face-checks/${checkId}`)).json()
  const simulate = (checkId: string, passed: boolean) => face.post(`/v1/identity/face-checks/${checkId}/simulate`, { passed })

  it('a started check is pending, gets a one-time id and a page; after the face it is passed, and stays so', async () => {
    const a = await start(known)
    const b = await start(known)
    expect(a).not.toBe(b)
    const pending = await result(a)
    expect(pending).toEqual({ checkId: a, status: 'pending' })
    expect(Value.Check(FaceCheckResult, pending)).toBe(true)
    expect((await simulate(a, true)).json()).toMatchObject({ status: 'passed' })
    expect(await result(a)).toMatchObject({ status: 'passed', checkedAt: expect.any(String) })
    // One-time: a later face cannot change a settled check.
    expect((await simulate(a, false)).json()).toMatchObject({ status: 'passed' })
    expect((await result(b)).status).toBe('pending')
  })

  it("its page is on its own origin and path, opened unsigned by the citizen's browser, where the face settles the check", async () => {
    const res = await face.post('/v1/identity/face-checks', known)
    const { checkId, url } = res.json() as { checkId: string; url: string }
    expect(url).toMatch(new RegExp(`^http://localhost(:\\d+)?/v1/identity/face-checks/${checkId}/page$`))
    const path = new URL(url).pathname
    const page = await faceApp.inject({ method: 'GET', url: path })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toContain('模拟本人刷脸')
    expect((await result(checkId)).status).toBe('pending')
    expect((await faceApp.inject({ method: 'GET', url: `${path}?face=match` })).body).toContain('核身通过')
    expect((await result(checkId)).status).toBe('passed')
    // Only the page is unsigned: the operations still need the platform's signature.
    expect((await faceApp.inject({ method: 'GET', url: `/v1/identity/face-checks/${checkId}` })).statusCode).toBe(401)
  })

  it('a face not matching, or a name the registry does not hold for the number → failed', async () => {
    const a = await start(known)
    expect((await simulate(a, false)).json().status).toBe('failed')
    const b = await start({ ...known, name: '李四' })
    expect((await simulate(b, true)).json().status).toBe('failed')
  })

  it('not completed within 5 minutes → expired, and no face passes it any more', async () => {
    const a = await start(known)
    clock += 5 * 60_000 + 1
    expect((await result(a)).status).toBe('expired')
    expect((await simulate(a, true)).json().status).toBe('expired')
  })

  it('an unknown check → 404 FACE_CHECK_NOT_FOUND', async () => {
    const res = await face.get(`/v1/identity/face-checks/${'a'.repeat(32)}`)
    expect(res.statusCode).toBe(404)
    expect(res.json().error.code).toBe('FACE_CHECK_NOT_FOUND')
  })

  itEnforcesSignatures(() => faceApp, SECRET, { method: 'POST', url: '/v1/identity/face-checks', body: known }, () => clock)

  it('no response body contained a full ID number or phone', () => {
    expect(face.bodies.flatMap(unmaskedPii)).toEqual([])
  })
})
