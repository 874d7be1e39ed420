import { type Static, Type } from 'typebox'
import { DateTime, literals, strict } from './common'

/** 人脸核身 through the platform (`/v1/me/face-checks`): moving an identity to this account, or a step-up before a sensitive action. */

export const FACE_CHECK_PURPOSES = ['move', 'step-up'] as const
export type FaceCheckPurposeT = (typeof FACE_CHECK_PURPOSES)[number]

export const FaceCheckStartRequest = Type.Object(
  {
    purpose: literals(FACE_CHECK_PURPOSES, { description: 'move: bring an identity another WeChat account holds to this one; step-up: confirm it is you before a sensitive action' }),
    name: Type.Optional(Type.String({ maxLength: 40, description: 'move only: the real name' })),
    idNumber: Type.Optional(Type.String({ maxLength: 40, description: 'move only: the ID number' })),
  },
  strict,
)

export const FaceCheckParams = Type.Object({ checkId: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) }, strict)

export const FaceCheckStart = Type.Object(
  {
    faceCheck: Type.Object(
      {
        checkId: Type.String(),
        url: Type.String({ description: "the identity agency's page where the citizen completes the check (the web-view in the mini-program)" }),
        expiresAt: DateTime(),
        simulated: Type.Boolean({ description: 'development: the H5 app completes the check on its simulated page instead' }),
      },
      strict,
    ),
  },
  strict,
)

/** The agency's page of the citizen's own check, as the platform stored it when the check started (the app's web-view opens only this). */
export const FaceCheckPage = Type.Object(
  {
    faceCheck: Type.Object(
      {
        checkId: Type.String(),
        url: Type.String({ description: "the identity agency's page, on its own origin (https with a host name in production)" }),
        expiresAt: DateTime(),
        status: literals(['pending', 'passed', 'failed', 'expired'] as const, { description: 'as the platform last learnt it; only a pending check is worth opening' }),
      },
      strict,
    ),
  },
  strict,
)

export const FaceCheckOutcome = Type.Object(
  {
    faceCheck: Type.Object(
      {
        checkId: Type.String(),
        purpose: literals(FACE_CHECK_PURPOSES),
        status: literals(['pending', 'passed', 'failed', 'expired'] as const, { description: "as the identity agency says; never the client's word" }),
      },
      strict,
    ),
    identity: Type.Union([Type.Ref('Identity'), Type.Null()], { description: "the citizen's identity after the check (masked)" }),
  },
  strict,
)

export const SimulatedFaceRequest = Type.Object({ passed: Type.Boolean({ description: 'whether the simulated face matched' }) }, strict)

export const Notice = Type.Object({ id: Type.String(), kind: Type.String(), text: Type.String(), createdAt: DateTime() }, strict)
export const NoticeList = Type.Object({ notices: Type.Array(Notice) }, strict)

export type FaceCheckStartT = Static<typeof FaceCheckStart>
export type FaceCheckPageT = Static<typeof FaceCheckPage>
export type FaceCheckOutcomeT = Static<typeof FaceCheckOutcome>
export type NoticeListT = Static<typeof NoticeList>
