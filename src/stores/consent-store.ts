import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { createTaroPersistStorage } from './persist-storage'

/**
 * Bump when the privacy notice changes in substance: everyone who agreed to an
 * older version is asked again (PIPL: consent covers what was shown).
 */
export const PRIVACY_NOTICE_VERSION = 1

export type ConsentDecision = 'agreed' | 'refused'
export type ConsentStatus = ConsentDecision | 'undecided'

export interface ConsentState {
  decision: ConsentDecision | null
  /** The notice version the decision was made on. */
  version: number | null
  /** ISO time of the decision. */
  decidedAt: string | null
}

const initialConsentState: ConsentState = { decision: null, version: null, decidedAt: null }

/** The citizen's answer to the privacy notice, remembered on the device. */
export const useConsentStore = create<ConsentState>()(
  persist(() => initialConsentState, {
    name: 'consent',
    version: 1,
    storage: createTaroPersistStorage<ConsentState>(),
  }),
)

/** The decision that applies now: a decision on an older notice counts as none. */
export function selectConsentStatus(state: ConsentState): ConsentStatus {
  if (state.decision === null || state.version !== PRIVACY_NOTICE_VERSION) return 'undecided'
  return state.decision
}

/** True when location may be asked for and anonymous statistics sent. */
export function selectMayCollect(state: ConsentState): boolean {
  return selectConsentStatus(state) === 'agreed'
}

/** Records 同意. */
export function agreeToPrivacyNotice(now: Date = new Date()): void {
  useConsentStore.setState({ decision: 'agreed', version: PRIVACY_NOTICE_VERSION, decidedAt: now.toISOString() })
}

/** Records 不同意: the app stays usable with the manual city picker, nothing is collected. */
export function refusePrivacyNotice(now: Date = new Date()): void {
  useConsentStore.setState({ decision: 'refused', version: PRIVACY_NOTICE_VERSION, decidedAt: now.toISOString() })
}
