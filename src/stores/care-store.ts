import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { isLargeFontSetting } from '../domain/large-font'
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

/** True when WeChat's font size is large (never in H5, where the browser's zoom already applies). */
function phoneAsksForLargeText(): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  try {
    return isLargeFontSetting(Taro.getSystemInfoSync())
  } catch {
    return false
  }
}

/** Whether 关怀模式 applies: the citizen's choice, else on when the phone's font scale is large. */
export function selectCareOn(state: CareState): boolean {
  return state.chosen ?? phoneAsksForLargeText()
}

/** Records the citizen's explicit choice, which from then on wins over the phone's font setting. */
export function setCareMode(on: boolean): void {
  useCareStore.setState({ chosen: on })
}
