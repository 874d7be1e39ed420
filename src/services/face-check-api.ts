import type { FaceCheckOutcomeT, FaceCheckPageT, FaceCheckPurposeT, FaceCheckStartT, NoticeListT } from '../api/face-checks'
import { authedRequest } from './session'

export type FaceCheckStartBody = { purpose: FaceCheckPurposeT; name?: string; idNumber?: string }

/** POST /v1/me/face-checks: starts a 人脸核身 at the identity agency. */
export async function startFaceCheck(body: FaceCheckStartBody): Promise<FaceCheckStartT['faceCheck']> {
  return (await authedRequest<FaceCheckStartT>('/v1/me/face-checks', { method: 'POST', data: body })).faceCheck
}

/** GET /v1/me/face-checks/:checkId: the identity agency's page of the citizen's own check, as the platform kept it. */
export async function getFaceCheckPage(checkId: string): Promise<FaceCheckPageT['faceCheck']> {
  return (await authedRequest<FaceCheckPageT>(`/v1/me/face-checks/${encodeURIComponent(checkId)}`)).faceCheck
}

/** POST /v1/me/face-checks/:checkId/result: the result, as the platform learns it from the agency. */
export function getFaceCheckResult(checkId: string): Promise<FaceCheckOutcomeT> {
  return authedRequest<FaceCheckOutcomeT>(`/v1/me/face-checks/${encodeURIComponent(checkId)}/result`, { method: 'POST' })
}

/** Development only: the simulated agency's page completes the check (passed or not). */
export function completeSimulatedFaceCheck(checkId: string, passed: boolean): Promise<void> {
  return authedRequest<void>(`/v1/me/face-checks/${encodeURIComponent(checkId)}/simulated`, { method: 'POST', data: { passed } })
}

/** GET /v1/me/notices: e.g. that this account's identity moved to another WeChat account. */
export async function listNotices(): Promise<NoticeListT['notices']> {
  return (await authedRequest<NoticeListT>('/v1/me/notices')).notices
}
