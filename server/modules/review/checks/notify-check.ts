import type { CheckResult } from '../../../../src/domain/quality-stars'
import type { ServiceManifest } from '../../onboarding/manifest-schema'

/** Check 17's window (02-services.md: messages actually sent for its cases). */
export const NOTIFY_WINDOW_DAYS = 90

/**
 * Check 17 (notify) from data: the service declares result notifications and
 * every one of its cases that changed (paid or finished) in the last 90 days
 * produced a 消息. A service without transaction items does not apply; one
 * with no changed cases passes on its declaration.
 */
export function notifyCheck(m: ServiceManifest, cases: { changed: number; notified: number }): CheckResult {
  if (!m.items.some((i) => i.kind === 'transaction')) return { id: 'notify', outcome: 'not-applicable', evidence: ['no transaction items'] }
  const declared = m.notify.subscribeMessage
  const missing = cases.changed - cases.notified
  const evidence = [
    `manifest declares subscribeMessage: ${declared}`,
    cases.changed === 0
      ? `no case changed in the last ${NOTIFY_WINDOW_DAYS} days`
      : `${cases.notified} of ${cases.changed} cases changed in the last ${NOTIFY_WINDOW_DAYS} days produced a message${missing > 0 ? ` (${missing} without one)` : ''}`,
  ]
  return { id: 'notify', outcome: declared && missing === 0 ? 'pass' : 'fail', evidence }
}
