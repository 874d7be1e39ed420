import { expect } from 'vitest'
import type { DatesT, DayScheduleT } from '../../src/api/hospital'
import { createToken } from '../../server/modules/auth/service'
import { hashSessionToken } from '../../server/modules/citizens/citizen-session'
import { findSessionCitizen } from '../../server/modules/citizens/repository'
import { type Citizen, type CitizenPlatform, startCitizenPlatform } from '../server/citizen-platform'
import { testBox } from '../server/test-app'

/** The seven callers of 04-platform.md, in the order the matrix calls them (A's owners last, after the others were refused). */
export const CALLERS = ['anonymous', 'citizenB', 'agencyB', 'analyst', 'operator', 'agencyA', 'citizenA'] as const
export type Caller = (typeof CALLERS)[number]

/** One operation of /openapi.json. */
export interface Operation {
  method: string
  path: string
  /** `METHOD /path` as /openapi.json spells it, the key of route-access.ts. */
  key: string
  /** Its request body's JSON schema, if it takes one (validated before the service looks for what the path names). */
  body?: { properties?: Record<string, unknown> }
  /** Its query parameters. */
  query: string[]
}

export interface SecurityPlatform {
  p: CitizenPlatform
  operations: Operation[]
  /** The path with real values: citizen A's things, agency A's service for agency paths, a harmless id elsewhere. */
  concrete(path: string): string
  /** The Authorization header of a caller, or of a forged platform token or citizen session. */
  header(caller: Caller | 'forged-token' | 'forged-session'): string | undefined
  stop(): Promise<void>
}

// Residents the simulated registry knows by name (mock/identity/app.ts).
const ME = { name: '张伟', idNumber: '510603199003071238' }
const SPOUSE = { name: '李娜', idNumber: '440305198811220020' }
const OTHER = { name: '王芳', idNumber: '110105199512300044' }

/**
 * The platform as `npm start` runs it (simulated agencies over real HTTP),
 * with a token or session for each caller, citizen A owning one of
 * everything a path can name (a vehicle and its fine's payment, a patient and
 * a booking, a utility account), both citizens verified, and the operations
 * of its /openapi.json.
 */
export async function startSecurityPlatform(): Promise<SecurityPlatform> {
  const p = await startCitizenPlatform({ agencyTimeoutMs: 2000 })
  const listed = async (contract: string) => {
    const [row] = await p.db.query<{ id: string; agency_id: string }>(`SELECT id, agency_id FROM services WHERE contract = $1 AND status = 'listed' ORDER BY id LIMIT 1`, [contract])
    if (!row) throw new Error(`no listed ${contract} service`)
    return row
  }
  const serviceOf: Record<string, string> = {}
  for (const [key, contract] of Object.entries({ traffic: 'traffic@1', hospital: 'hospital@1', social: 'social-security@1', fund: 'housing-fund@1' })) {
    serviceOf[key] = (await listed(contract)).id
  }
  const auth: Partial<Record<Caller, string>> = {}
  const agencyA = (await listed('traffic@1')).agency_id
  const [agencyB] = await p.db.query<{ id: string }>('SELECT id FROM agencies WHERE id <> $1 ORDER BY id LIMIT 1', [agencyA])
  auth.agencyA = (await createToken(p.db, { role: 'agency', agencyId: agencyA })).token
  auth.agencyB = (await createToken(p.db, { role: 'agency', agencyId: agencyB!.id })).token
  auth.operator = (await createToken(p.db, { role: 'operator' })).token
  auth.analyst = (await createToken(p.db, { role: 'analyst' })).token
  const a = await p.citizen()
  const b = await p.citizen()
  auth.citizenA = a.token
  auth.citizenB = b.token
  // B is verified too, so a refusal of B is about A's things, not about B's 实名认证.
  expect((await b.call('POST', '/v1/me/identity', OTHER)).statusCode).toBe(200)
  const params = { ...(await thingsOf(p, a, serviceOf)), agencyId: (await listed('payment@1')).agency_id }

  const doc = (await p.app.inject('/openapi.json')).json() as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Operation['body'] }> }; parameters?: { in: string; name: string }[] }>>
  }
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([m, op]) => ({
      method: m.toUpperCase(),
      path,
      key: `${m.toUpperCase()} ${path}`,
      body: op.requestBody ? (Object.values(op.requestBody.content ?? {})[0]?.schema ?? {}) : undefined,
      query: (op.parameters ?? []).filter((x) => x.in === 'query').map((x) => x.name),
    })),
  )

  const serviceFor = (path: string) =>
    /vehicles|licence/.test(path)
      ? serviceOf.traffic!
      : /hospitals|appointments/.test(path)
        ? serviceOf.hospital!
        : /social-security/.test(path)
          ? serviceOf.social!
          : /housing-fund/.test(path)
            ? serviceOf.fund!
            : serviceOf.traffic!
  const concrete = (path: string) =>
    path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (name === 'serviceId') return serviceFor(path)
      if (name === 'id') return path.startsWith('/v1/agency/') ? serviceOf.traffic! : 'x1'
      return (params as Record<string, string>)[name] ?? 'x1'
    })
  const header = (caller: Caller | 'forged-token' | 'forged-session') =>
    caller === 'forged-token' ? 'Bearer oc_forged0000_nope' : caller === 'forged-session' ? `Bearer cs_${'x'.repeat(43)}` : caller === 'anonymous' ? undefined : `Bearer ${auth[caller]}`
  return { p, operations, concrete, header, stop: () => p.stop() }
}

/** Citizen A verified, with one of everything a path can name; answers their ids by path parameter name. */
async function thingsOf(p: CitizenPlatform, a: Citizen, serviceOf: Record<string, string>): Promise<Record<string, string>> {
  expect((await a.call('POST', '/v1/me/identity', ME)).statusCode).toBe(200)
  const vehicle = (await a.call('POST', '/v1/me/vehicles', { plateType: '02', plate: '川A5W3K9', engineTail: '73215B' })).json().vehicle.id as string
  const violations = (await a.call('GET', `/v1/services/${serviceOf.traffic}/vehicles/${vehicle}/violations`)).json().violations
  const fine = violations.find((v: { payableOnline: boolean }) => v.payableOnline)
  const payment = (await a.call('POST', `/v1/services/${serviceOf.traffic}/vehicles/${vehicle}/violations/${fine.id}/payments`, {})).json().payment
  const patient = (await a.call('POST', '/v1/me/patients', { ...SPOUSE, relation: 'spouse' })).json().patient.id as string
  const hospital = `/v1/services/${serviceOf.hospital}/hospitals/tcm`
  const { dates } = (await a.call('GET', `${hospital}/dates?departmentId=cardiology`)).json() as DatesT
  const date = dates.filter((d) => d.bookable).at(-1)!.date
  const slot = ((await a.call('GET', `${hospital}/schedule?date=${date}&departmentId=cardiology`)).json() as DayScheduleT).slots.find((s) => s.status === 'available')!
  const booked = await a.call('POST', `/v1/services/${serviceOf.hospital}/appointments`, { slotId: slot.id, patientId: patient, idempotencyKey: 'matrix-booking-0001' })
  expect(booked.statusCode).toBe(201)
  // The demo lists no utilities service: A's account is written as a bind would leave it.
  const citizenId = (await findSessionCitizen(p.db, hashSessionToken(a.token)))!
  const [account] = await p.db.query<{ id: string }>(
    `INSERT INTO utility_accounts (citizen_id, service_id, provider_id, provider_kind, provider_name, sealed, account_key, holder_masked, address_masked, prepaid)
     VALUES ($1, $2, 'water', 'water', '自来水公司', $3, 'matrix-key', '*伟', '德阳市**', false) RETURNING id`,
    [citizenId, serviceOf.traffic, testBox.seal(JSON.stringify({ accountNo: '5210000013' }))],
  )
  const [record] = await p.db.query<{ id: string }>('SELECT id FROM citizen_records WHERE citizen_id = $1 LIMIT 1', [citizenId])
  return {
    recordId: record!.id,
    vehicleId: vehicle,
    violationId: fine.id,
    orderId: payment.orderId,
    patientId: patient,
    appointmentId: booked.json().appointment.id,
    accountId: account!.id,
    hospitalId: 'tcm',
    departmentId: 'cardiology',
    loanId: 'L0000001',
  }
}
