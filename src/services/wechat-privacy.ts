import Taro from '@tarojs/taro'
import { create } from 'zustand'

/** The id of the notice's 同意 button: WeChat checks that the button it is told about was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

type Resolve = (option: Taro.onNeedPrivacyAuthorization.ResolveOption) => void

interface WechatPrivacyState {
  /** WeChat wants the citizen's consent (a private API is waiting, or the declared guide is not yet agreed). */
  asking: boolean
}

/** Whether WeChat is waiting for an answer to the app's own privacy notice. */
export const useWechatPrivacyRequest = create<WechatPrivacyState>(() => ({ asking: false }))

// WeChat's pending privacy request: the private API that triggered it waits until it is resolved.
let pending: Resolve | undefined

/**
 * Makes the app's own notice the one consent in WeChat (call once at launch,
 * weapp only): WeChat's privacy requests open the app's notice instead of
 * WeChat's prompt, and getPrivacySetting decides whether the notice is due
 * even when the app remembers an answer (e.g. the declared guide changed).
 */
export function listenForWechatPrivacyRequests(): void {
  // Base libraries before 2.32.3 have no privacy API and enforce no privacy consent: the app's notice alone applies.
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function' || typeof Taro.getPrivacySetting !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    useWechatPrivacyRequest.setState({ asking: true })
    resolve({ event: 'exposureAuthorization' })
  })
  Taro.getPrivacySetting({
    success: ({ needAuthorization }) => {
      if (needAuthorization) useWechatPrivacyRequest.setState({ asking: true })
    },
  })
}

/**
 * Passes the citizen's answer to the notice on to WeChat: 同意 lets the
 * waiting private API go on, 不同意 makes it fail (the app then offers the
 * city picker). Without a pending request there is nothing to tell WeChat.
 */
export function answerWechatPrivacyRequest(agreed: boolean): void {
  const resolve = pending
  pending = undefined
  useWechatPrivacyRequest.setState({ asking: false })
  resolve?.(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
}
