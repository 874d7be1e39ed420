import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import type { UsageLogEntry } from '../domain/usage-log'
import { type ConsentState, selectMayCollect } from './consent-store'
import { createTaroPersistStorage } from './persist-storage'

export interface UsageSettingsState {
  /** 发送匿名使用统计: on unless the citizen turned it off; it only counts once they agreed to the privacy notice. */
  statsOn: boolean
  /** The batches actually sent, newest first, with the server's answers (never leaves the phone). */
  log: UsageLogEntry[]
  /** Records dropped on the phone without being counted: refused by the server, too old to be accepted, or the queue was full. */
  dropped: number
}

const initialUsageState: UsageSettingsState = { statsOn: true, log: [], dropped: 0 }

/** The anonymous statistics switch and the log of what was sent, remembered on the device. */
export const useUsageStore = create<UsageSettingsState>()(
  persist(() => initialUsageState, {
    name: 'usage-settings',
    version: 1,
    storage: createTaroPersistStorage<UsageSettingsState>(),
  }),
)

/** How many records wait to be sent (not persisted: the reporter keeps the queue itself and sets this). */
export const useUsageQueueStore = create<{ queued: number }>()(() => ({ queued: 0 }))

/** True when anonymous statistics may be recorded and sent: the citizen agreed to the notice and left the switch on. */
export function selectStatsAllowed(consent: ConsentState, usage: UsageSettingsState): boolean {
  return selectMayCollect(consent) && usage.statsOn
}

/** Sets the switch (the reporter clears its queue when it goes off). */
export function setStatsOn(on: boolean): void {
  useUsageStore.setState({ statsOn: on })
}

/** Replaces the sent-batches log. */
export function setUsageLog(log: UsageLogEntry[]): void {
  useUsageStore.setState({ log })
}

/** Adds `n` records to the dropped count. */
export function addDroppedRecords(n: number): void {
  if (n > 0) useUsageStore.setState((s) => ({ dropped: s.dropped + n }))
}
