import { useRef, useState } from 'react'
import type { FaceCheckOutcomeT } from '../api/face-checks'
import { agencyFaceCheckUrl } from '../packages/webview/routes'
import { type FaceCheckStartBody, getFaceCheckResult, startFaceCheck } from '../services/face-check-api'
import { openPage } from '../services/navigation'
import { errorMessage } from '../services/request'
import { faceCheckUrl } from '../services/routes'
import { usePageReturn } from './use-page-return'

/** How a face check ended: the agency's result, or why there is none. */
export type FaceCheckEnd = { kind: 'done'; outcome: FaceCheckOutcomeT } | { kind: 'error'; message: string }

/**
 * 人脸核身 the same way everywhere: the platform starts the check; the
 * citizen completes it on the identity agency's own page, opened in the
 * web-view page (WeChat's web-view, H5's frame), or in development on the
 * app's simulated page; when this page shows again the platform is asked
 * for the agency's result (what the page said never counts). One check at a time.
 */
export function useFaceCheck(onEnd: (end: FaceCheckEnd) => void) {
  const [checking, setChecking] = useState(false)
  const awaiting = useRef<string | null>(null)
  const latest = useRef(onEnd)
  latest.current = onEnd

  const fail = (error: unknown) => {
    setChecking(false)
    latest.current({ kind: 'error', message: errorMessage(error) })
  }

  const run = (body: FaceCheckStartBody) => {
    if (checking) return
    setChecking(true)
    startFaceCheck(body).then((check) => {
      awaiting.current = check.checkId
      openPage(check.simulated ? faceCheckUrl(check.checkId) : agencyFaceCheckUrl(check.checkId))
    }, fail)
  }

  usePageReturn(() => {
    const checkId = awaiting.current
    if (!checkId) return
    awaiting.current = null
    getFaceCheckResult(checkId).then((outcome) => {
      setChecking(false)
      latest.current({ kind: 'done', outcome })
    }, fail)
  })

  return { checking, run }
}
