import { randomBytes } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { FaceCheckParams, FaceCheckResult, type FaceCheckResultT, IDENTITY_ERRORS, operations } from '../../server/contracts/identity'
import { ErrorBody } from '../../server/errors'
import { type AgencyApp, type AgencyOptions, type AgencyScope, createAgencyApp, fail, implement } from '../shared/agency-app'
import { operation } from '../../server/contracts/common'
import { isoCst } from '../shared/china-time'
import { isValidIdNumber } from '../shared/id-number'

export interface IdentityAgencyOptions extends AgencyOptions {
  /** People the registry knows by name: their number matches only their own name. */
  people?: { name: string; idNumber: string }[]
  /** Minutes a face check may be completed in after it started; 5 by default. */
  faceCheckTtlMinutes?: number
}

interface StoredFaceCheck {
  /** Whether name and ID number belong together: a face can only match a person the registry holds. */
  personKnown: boolean
  expiresAt: number
  result: FaceCheckResultT
}

/** The agency's own face-check page of a check, on the origin and under the path prefix the platform called it at. */
function pageOf(req: FastifyRequest, checkId: string): string {
  return `${req.protocol}://${req.headers.host ?? '127.0.0.1'}${req.url.replace(/\/+$/, '')}/${checkId}/page`
}

const FACES = { match: true, mismatch: false } as const

/** The simulated agency's page: what a real one shows around the camera, reduced to two links. */
function facePage(stored: StoredFaceCheck): string {
  const { status } = stored.result
  const body =
    status === 'pending'
      ? `<p>请将手机正对面部，按提示完成动作。</p><p><a class="pass" href="?face=match">模拟本人刷脸</a></p><p><a class="fail" href="?face=mismatch">模拟他人刷脸</a></p>`
      : `<p role="status">${status === 'passed' ? '核身通过' : status === 'failed' ? '核身未通过' : '核身已过期'}，请返回城市服务查看结果。</p>`
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>人脸核身（模拟）</title></head><body><h1>人脸核身（模拟机构页面）</h1>${body}</body></html>`
}

/** Demo residents (valid GB 11643 numbers) the registry knows by name. */
export const DEFAULT_PEOPLE = [
  { name: '张伟', idNumber: '510603199003071238' },
  { name: '李娜', idNumber: '440305198811220020' },
  { name: '王芳', idNumber: '110105199512300044' },
]

/**
 * The simulated identity check (公安实名) implementing identity@1. The
 * registry holds every valid ID number (GB 11643: province, birth date,
 * check digit); for the people it knows by name (`people`) only that name
 * matches. Other valid numbers match any well-formed name. It never echoes
 * what it was sent.
 */
export function registerIdentityAgency(scope: AgencyScope, options: IdentityAgencyOptions): void {
  const now = options.now ?? Date.now
  const registry = new Map((options.people ?? DEFAULT_PEOPLE).map((p) => [p.idNumber, p.name]))
  const ttlMs = (options.faceCheckTtlMinutes ?? 5) * 60_000
  const checks = new Map<string, StoredFaceCheck>()

  const mismatch = (person: { name: string; idNumber: string }) => {
    if (!isValidIdNumber(person.idNumber)) return 'ID_NOT_FOUND' as const
    const known = registry.get(person.idNumber)
    return known !== undefined && known !== person.name ? ('NAME_MISMATCH' as const) : undefined
  }

  /** The check as it is now: a pending check past its time is expired. */
  const current = (checkId: string): StoredFaceCheck => {
    const stored = checks.get(checkId)
    if (!stored) throw fail(IDENTITY_ERRORS, 'FACE_CHECK_NOT_FOUND', `No face check ${checkId} / 未找到该人脸核身`)
    if (stored.result.status === 'pending' && now() > stored.expiresAt) stored.result = { ...stored.result, status: 'expired' }
    return stored
  }

  implement(scope, operation(operations, 'verify'), ({ body }) => {
    const checkedAt = isoCst(now())
    const reason = mismatch(body)
    return reason ? { match: false, reason, checkedAt } : { match: true, checkedAt }
  })

  implement(scope, operation(operations, 'startFaceCheck'), ({ body }, req) => {
    const checkId = randomBytes(24).toString('base64url')
    const expiresAt = now() + ttlMs
    checks.set(checkId, { personKnown: mismatch(body) === undefined, expiresAt, result: { checkId, status: 'pending' } })
    return { checkId, url: pageOf(req, checkId), expiresAt: isoCst(expiresAt) }
  })

  /** Settles a pending check by the face in front of the page; once settled a check never changes. */
  const settle = (checkId: string, passed: boolean): FaceCheckResultT => {
    const stored = current(checkId)
    if (stored.result.status === 'pending') {
      stored.result = { checkId, status: passed && stored.personKnown ? 'passed' : 'failed', checkedAt: isoCst(now()) }
    }
    return stored.result
  }

  // Outside the contract: the agency's own page, opened by the citizen's
  // browser or WeChat's web-view (so unsigned), where the face is checked.
  scope.get(
    '/v1/identity/face-checks/:checkId/page',
    {
      config: { unsigned: true },
      schema: { hide: true, params: FaceCheckParams, querystring: Type.Object({ face: Type.Optional(Type.Union([Type.Literal('match'), Type.Literal('mismatch')])) }) },
    },
    async (req, reply) => {
      const { checkId } = req.params as { checkId: string }
      const { face } = req.query as { face?: keyof typeof FACES }
      if (face) settle(checkId, FACES[face])
      return reply.type('text/html; charset=utf-8').send(facePage(current(checkId)))
    },
  )

  implement(scope, operation(operations, 'getFaceCheck'), ({ params }) => current(params.checkId).result)

  // Outside the contract: the citizen's face in front of the agency's page.
  // Once settled a check never changes: it is one-time.
  scope.post(
    '/v1/identity/face-checks/:checkId/simulate',
    {
      schema: {
        hide: true,
        params: FaceCheckParams,
        body: Type.Object({ passed: Type.Boolean({ description: 'whether the face matched' }) }, { additionalProperties: false }),
        response: { 200: Type.Object(FaceCheckResult.properties, { additionalProperties: false }), '4xx': ErrorBody },
      },
    },
    async (req) => {
      const { checkId } = req.params as { checkId: string }
      const { passed } = req.body as { passed: boolean }
      return settle(checkId, passed)
    },
  )
}

/** The identity agency as a standalone app, its operations at the root. */
export function buildIdentityAgency(options: IdentityAgencyOptions): AgencyApp {
  return createAgencyApp(registerIdentityAgency, options)
}
