import { type Static, Type } from 'typebox'
import { defineOperations } from '../common'
import { DateTime, PersonSchema, literals, strict } from '../../../src/api/common'
import { IDENTITY_ERRORS } from './errors'

/**
 * identity@1: real-name verification (公安实名): does this name belong to
 * this ID number? And the face check (人脸核身): is the person holding the
 * phone the person of this name and ID number?
 */
export const CONTRACT = 'identity@1'

export const MISMATCH_REASONS = ['NAME_MISMATCH', 'ID_NOT_FOUND'] as const

export const VerifyRequest = Type.Object(PersonSchema().properties, { ...strict, $id: 'identity.VerifyRequest' })

/** Never echoes the ID number or the name: the caller knows what it sent. */
export const VerifyResult = Type.Object(
  {
    match: Type.Boolean({ description: 'true when the registry holds this ID number under this name' }),
    reason: Type.Optional(literals(MISMATCH_REASONS, { description: 'why not (only when match is false)' })),
    checkedAt: DateTime(),
  },
  { ...strict, $id: 'identity.VerifyResult' },
)

export const FACE_CHECK_STATUSES = ['pending', 'passed', 'failed', 'expired'] as const

export const FaceCheckRequest = Type.Object(PersonSchema().properties, { ...strict, $id: 'identity.FaceCheckRequest' })

/** A one-time check bound to the person it was started for; the citizen completes it at `url` before `expiresAt`. */
export const FaceCheckStarted = Type.Object(
  {
    checkId: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$', description: 'one-time id of this check' }),
    url: Type.String({ maxLength: 2000, pattern: '^https?://', description: "the agency's page where the citizen completes the check" }),
    expiresAt: DateTime({ description: 'the check must be completed by then (minutes)' }),
  },
  { ...strict, $id: 'identity.FaceCheckStarted' },
)

export const FaceCheckParams = Type.Object({ checkId: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) }, { ...strict, $id: 'identity.FaceCheckParams' })

/** The check's result as the agency knows it: only the agency's word counts. */
export const FaceCheckResult = Type.Object(
  {
    checkId: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }),
    status: literals(FACE_CHECK_STATUSES, { description: 'pending until completed; expired when not completed in time' }),
    checkedAt: Type.Optional(DateTime({ description: 'when the face was checked (passed or failed)' })),
  },
  { ...strict, $id: 'identity.FaceCheckResult' },
)

export const operations = defineOperations(IDENTITY_ERRORS, [
  {
    name: 'verify',
    summary: 'Verify a name and an ID number against the population registry',
    method: 'POST',
    path: '/v1/identity/verify',
    kind: 'call',
    body: VerifyRequest,
    response: VerifyResult,
    errors: [],
  },
  {
    name: 'startFaceCheck',
    summary: 'Start a face check (人脸核身) for a name and an ID number: a one-time check id and the page where the citizen completes it',
    method: 'POST',
    path: '/v1/identity/face-checks',
    kind: 'call',
    body: FaceCheckRequest,
    response: FaceCheckStarted,
    errors: [],
  },
  {
    name: 'getFaceCheck',
    summary: "A face check's result (pending, passed, failed, expired)",
    method: 'GET',
    path: '/v1/identity/face-checks/:checkId',
    kind: 'call',
    params: FaceCheckParams,
    response: FaceCheckResult,
    errors: ['FACE_CHECK_NOT_FOUND'],
  },
] as const)

export type VerifyResultT = Static<typeof VerifyResult>
export type FaceCheckStartedT = Static<typeof FaceCheckStarted>
export type FaceCheckResultT = Static<typeof FaceCheckResult>
export type FaceCheckStatus = (typeof FACE_CHECK_STATUSES)[number]
