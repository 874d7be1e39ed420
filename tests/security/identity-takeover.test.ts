import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Citizen, type CitizenPlatform, listedServiceOf, startCitizenPlatform } from '../server/citizen-platform'
import { faceCheck } from '../server/face-check'
import { freshPerson } from '../server/fresh-person'

// Issue 16, finding 1: anyone who knew a name and ID number verified as that
// person from another account and read their fund, social security and
// licence, and withdrew their fund. Finding 6 (identity part): no limit on
// identity checks, so a name could be guessed.

let p: CitizenPlatform
const services: Record<string, string> = {}

beforeAll(async () => {
  p = await startCitizenPlatform({ agencyTimeoutMs: 2000 })
  for (const contract of ['housing-fund@1', 'social-security@1', 'traffic@1', 'hospital@1']) services[contract] = await listedServiceOf(p, contract)
}, 60_000)
afterAll(() => p?.stop())

const fund = () => `/v1/services/${services['housing-fund@1']}/housing-fund`
const personal = () => [
  `${fund()}/account`,
  `/v1/services/${services['social-security@1']}/social-security/insured`,
  `/v1/services/${services['traffic@1']}/licence`,
]
const withdrawal = () => ({ reason: 'rent', amountFen: 100, idempotencyKey: `wd-${Math.random().toString(36).slice(2)}`.padEnd(20, '0') })

async function verified(person: { name: string; idNumber: string }): Promise<Citizen> {
  const c = await p.citizen()
  const res = await c.call('POST', '/v1/me/identity', person)
  expect(res.statusCode, res.body).toBe(200)
  return c
}

describe('one identity per account', () => {
  it('a second account with the same name and ID number is refused, and reads and files nothing of the first', async () => {
    const person = freshPerson()
    const owner = await verified(person)
    const attacker = await p.citizen()
    const res = await attacker.call('POST', '/v1/me/identity', person)
    expect(res.statusCode).toBe(409)
    expect(res.json().error).toMatchObject({ code: 'IDENTITY_BOUND_ELSEWHERE', message: expect.stringContaining('该身份已绑定另一个微信账号') })
    expect(res.json().error.message).toContain('人脸核身')
    expect((await attacker.call('GET', '/v1/me')).json().identity).toBeNull()
    for (const url of [...personal(), `${fund()}/account-number`]) {
      const read = await attacker.call('GET', url)
      expect(read.statusCode, url).toBe(403)
      expect(read.json().error.code).toBe('IDENTITY_REQUIRED')
    }
    const filed = await attacker.call('POST', `${fund()}/withdrawals`, withdrawal())
    expect(filed.statusCode).toBe(403)
    expect(filed.json().error.code).toBe('IDENTITY_REQUIRED')
    // The owner still holds it.
    expect((await owner.call('GET', personal()[0]!)).statusCode).toBe(200)
  })

  it('two accounts verifying the same identity at once: exactly one gets it', async () => {
    const person = freshPerson()
    const [a, b] = await Promise.all([p.citizen(), p.citizen()])
    const answers = await Promise.all([a.call('POST', '/v1/me/identity', person), b.call('POST', '/v1/me/identity', person)])
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409])
  })
})

describe('the face check (人脸核身) moves an identity', () => {
  it('a passed face check moves it: the new account reads the data, the first is told and loses access', async () => {
    const person = freshPerson()
    const first = await verified(person)
    const second = await p.citizen()
    const outcome = await faceCheck(second, { purpose: 'move', ...person })
    expect(outcome).toMatchObject({ faceCheck: { purpose: 'move', status: 'passed' }, identity: { name: '*伟', idNumber: '5106**********1238' } })
    for (const url of personal()) expect((await second.call('GET', url)).statusCode, url).toBe(200)

    expect((await first.call('GET', '/v1/me')).json().identity).toBeNull()
    for (const url of personal()) expect((await first.call('GET', url)).json().error.code, url).toBe('IDENTITY_REQUIRED')
    const notices = (await first.call('GET', '/v1/me/notices')).json().notices
    expect(notices).toEqual([expect.objectContaining({ kind: 'identity-moved', text: expect.stringContaining('转到另一个微信账号') })])
    expect(JSON.stringify(notices)).not.toContain(person.idNumber)
    expect((await second.call('GET', '/v1/me/notices')).json().notices).toEqual([])
  })

  it('the first account cannot book for its 本人 any more: that person now belongs to the other account', async () => {
    const person = freshPerson()
    const first = await verified(person)
    const self = (await first.call('GET', '/v1/me/patients')).json().patients[0]
    expect(self.relation).toBe('self')
    await faceCheck(await p.citizen(), { purpose: 'move', ...person })
    const booked = await first.call('POST', `/v1/services/${services['hospital@1']}/appointments`, { slotId: 'any-slot', patientId: self.id, idempotencyKey: 'moved-self-0000000001', noCancelAcknowledged: true })
    // The 本人 went with the identity (tests/security/face-check-page.test.ts): there is no such patient here any more.
    expect(booked.statusCode).toBe(404)
    expect(booked.json().error.code).toBe('PATIENT_NOT_FOUND')
  })

  it('a failed face check moves nothing', async () => {
    const person = freshPerson()
    const first = await verified(person)
    const second = await p.citizen()
    expect(await faceCheck(second, { purpose: 'move', ...person }, false)).toMatchObject({ faceCheck: { status: 'failed' }, identity: null })
    expect((await first.call('GET', '/v1/me')).json().identity).not.toBeNull()
    expect((await first.call('GET', '/v1/me/notices')).json().notices).toEqual([])
  })

  it('a forged "passed" from the client does not count: only the agency\'s answer does', async () => {
    const person = freshPerson()
    const first = await verified(person)
    const second = await p.citizen()
    const { checkId } = (await second.call('POST', '/v1/me/face-checks', { purpose: 'move', ...person })).json().faceCheck
    const forged = await second.call('POST', `/v1/me/face-checks/${checkId}/result`, { status: 'passed', passed: true })
    expect(forged.json()).toMatchObject({ faceCheck: { status: 'pending' }, identity: null })
    // A check id made up, or another account's check, is unknown.
    expect((await second.call('POST', `/v1/me/face-checks/${'x'.repeat(32)}/result`)).statusCode).toBe(404)
    expect((await first.call('POST', `/v1/me/face-checks/${checkId}/result`)).statusCode).toBe(404)
    expect((await first.call('GET', '/v1/me')).json().identity).not.toBeNull()
  })

  it('a check is one-time: a passed check applied once is not applied again', async () => {
    const person = freshPerson()
    await verified(person)
    const second = await p.citizen()
    const started = (await second.call('POST', '/v1/me/face-checks', { purpose: 'move', ...person })).json().faceCheck
    await second.call('POST', `/v1/me/face-checks/${started.checkId}/simulated`, { passed: true })
    const moves = async () => (await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM citizen_notices WHERE kind = 'identity-moved'`))[0]!.n
    const before = await moves()
    const [a, b] = await Promise.all([1, 2].map(() => second.call('POST', `/v1/me/face-checks/${started.checkId}/result`)))
    expect([a!.json().faceCheck.status, b!.json().faceCheck.status]).toEqual(['passed', 'passed'])
    // One move, one notice.
    expect(await moves()).toBe(before + 1)
  })
})

describe('step-up: withdrawals and full account numbers need a face check within 5 minutes', () => {
  it('403 FACE_CHECK_REQUIRED without one; allowed after a passed one; expired after 5 minutes', async () => {
    const c = await verified(freshPerson())
    for (const [method, url, body] of [
      ['GET', `${fund()}/account-number`, undefined],
      ['POST', `${fund()}/withdrawals`, withdrawal()],
    ] as const) {
      const res = await c.call(method, url, body)
      expect(res.statusCode, url).toBe(403)
      expect(res.json().error).toMatchObject({ code: 'FACE_CHECK_REQUIRED', message: expect.stringContaining('人脸核身') })
    }
    expect(await faceCheck(c, { purpose: 'step-up' })).toMatchObject({ faceCheck: { purpose: 'step-up', status: 'passed' } })
    expect((await c.call('GET', `${fund()}/account-number`)).statusCode).toBe(200)
    const filed = await c.call('POST', `${fund()}/withdrawals`, withdrawal())
    expect([201, 422]).toContain(filed.statusCode)
    expect(filed.json().error?.code).not.toBe('FACE_CHECK_REQUIRED')

    await p.db.query(`UPDATE citizens SET face_checked_at = now() - interval '6 minutes' WHERE face_checked_at IS NOT NULL`)
    expect((await c.call('GET', `${fund()}/account-number`)).json().error.code).toBe('FACE_CHECK_REQUIRED')
  })

  it('a failed step-up check does not count', async () => {
    const c = await verified(freshPerson())
    expect(await faceCheck(c, { purpose: 'step-up' }, false)).toMatchObject({ faceCheck: { status: 'failed' } })
    expect((await c.call('GET', `${fund()}/account-number`)).json().error.code).toBe('FACE_CHECK_REQUIRED')
  })
})

describe('identity checks are limited (per account and per ID number)', () => {
  it('after 5 failed checks an account gets 429 with Retry-After, even for the right name', async () => {
    const person = freshPerson()
    const c = await p.citizen()
    const wrongNames = ['李四', '王五', '赵六', '钱七', '孙八']
    // The demo registry knows 张伟 by 510603199003071238: any other name is a mismatch.
    for (const name of wrongNames) {
      const res = await c.call('POST', '/v1/me/identity', { name, idNumber: '510603199003071238' })
      expect(res.statusCode).toBe(422)
      expect(res.json().error.code).toBe('IDENTITY_MISMATCH')
    }
    const limited = await c.call('POST', '/v1/me/identity', { name: '张伟', idNumber: '510603199003071238' })
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error).toMatchObject({ code: 'IDENTITY_CHECKS_LIMITED', message: expect.stringContaining('分钟后再试') })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000)
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(3600)
    // The account is limited for any identity, face checks included.
    expect((await c.call('POST', '/v1/me/identity', person)).statusCode).toBe(429)
    expect((await c.call('POST', '/v1/me/face-checks', { purpose: 'move', ...person })).statusCode).toBe(429)
  })

  it('guessing from many accounts: after 5 failures for one ID number, every account gets 429 for it', async () => {
    const target = { name: '李娜', idNumber: '440305198811220020' }
    for (const name of ['李四', '王五', '赵六', '钱七', '孙八']) {
      const c = await p.citizen()
      expect((await c.call('POST', '/v1/me/identity', { name, idNumber: target.idNumber })).json().error.code).toBe('IDENTITY_MISMATCH')
    }
    const fresh = await p.citizen()
    const res = await fresh.call('POST', '/v1/me/identity', target)
    expect(res.statusCode).toBe(429)
    expect(res.headers['retry-after']).toBeDefined()
    // Another person's number is not limited by it.
    expect((await fresh.call('POST', '/v1/me/identity', freshPerson())).statusCode).toBe(200)
  })

  it('failed face checks count too', async () => {
    const person = freshPerson()
    await verified(person)
    const c = await p.citizen()
    for (let i = 0; i < 5; i++) await faceCheck(c, { purpose: 'move', ...person }, false)
    expect((await c.call('POST', '/v1/me/face-checks', { purpose: 'move', ...person })).statusCode).toBe(429)
  })

  it('a mismatch answers the same whatever the name tried, so it tells nothing about the right one', async () => {
    const c = await p.citizen()
    const answers = await Promise.all(['王五', '王芬', '汪芳'].map(async (name) => (await c.call('POST', '/v1/me/identity', { name, idNumber: '110105199512300044' })).body))
    expect(new Set(answers).size).toBe(1)
    expect(answers[0]).not.toContain('王')
  })
})
