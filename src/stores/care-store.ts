import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { phoneAsksForLargeText } from '../services/phone-font'
import { createTaroPersistStorage } from './persist-storage'

export interface CareState {
  /** The citizen's own choice; null until they use the switch, so the phone's font setting decides. */
  chosen: boolean | null
}

/** 关怀模式 as the citizen set it in 我的, remembered on the device. */
export const useCareStore = create<CareState>()(
  persist((): CareState => ({ chosen: null }), {
    name: 'care-mode',
    version: 1,
    storage: createTaroPersistStorage<CareState>(),
  }),
)

/** Whether 关怀模式 applies: the citizen's choice, else on when the phone's font scale is large. */
export function selectCareOn(state: CareState): boolean {
  return state.chosen ?? phoneAsksForLargeText()
}

/** Records the citizen's explicit choice, which from then on wins over the phone's font setting. */
export function setCareMode(on: boolean): void {
  useCareStore.setState({ chosen: on })
}
