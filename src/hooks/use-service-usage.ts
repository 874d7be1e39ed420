import { useEffect, useMemo, useRef } from 'react'
import type { UsageAction } from '../domain/usage-batch'
import { useCityStore } from '../stores/city-store'
import { useConsentStore } from '../stores/consent-store'
import { selectStatsAllowed, useUsageStore } from '../stores/usage-store'
import { recordEvent, recordServiceUse } from '../services/usage-reporter'
import { findUsageService } from '../services/usage-services'

/** Marks around a service's main transaction; each is a no-op while the service is not resolved or statistics are off. */
export interface ServiceUsageMarks {
  /** The citizen sent the transaction (starts the latency clock). */
  submit: () => void
  /** It succeeded: latency since the last submit. */
  success: () => void
  /** It failed: latency since the last submit. */
  error: () => void
}

/**
 * Anonymous usage of a service page (03-index.md). On mount, with a service
 * id and a current city, it looks the service up in the catalog the phone
 * has (never guessing its domain or type) and records one use (the scopes
 * it makes active) and, unless `open` is false, an `open` event. The marks
 * it returns record submit, success and error, the last two with the ms
 * since the submit. Nothing is recorded while statistics are off.
 */
export function useServiceUsage(serviceId: string | undefined, options: { open?: boolean } = {}): ServiceUsageMarks {
  const target = useRef<{ service: string; city: string } | null>(null)
  const submittedAt = useRef<number | null>(null)
  const open = options.open !== false

  useEffect(() => {
    target.current = null
    const city = useCityStore.getState().current?.code
    if (!serviceId || !city || !selectStatsAllowed(useConsentStore.getState(), useUsageStore.getState())) return
    void findUsageService(serviceId, city).then(
      (service) => {
        if (!service) return
        target.current = { service: service.id, city }
        recordServiceUse(service, city)
        if (open) recordEvent({ service: service.id, city, action: 'open' })
      },
      () => undefined,
    )
  }, [serviceId])

  return useMemo(() => {
    const mark = (action: UsageAction, timed: boolean) => {
      const at = target.current
      if (!at) return
      const started = submittedAt.current
      if (timed) submittedAt.current = null
      recordEvent({ ...at, action, ...(timed && started !== null ? { ms: Date.now() - started } : {}) })
    }
    return {
      submit: () => {
        submittedAt.current = Date.now()
        mark('submit', false)
      },
      success: () => mark('success', true),
      error: () => mark('error', true),
    }
  }, [])
}
