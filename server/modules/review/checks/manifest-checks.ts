import type { CheckId, CheckResult } from '../../../../src/domain/quality-stars'
import { type ServiceManifest, isTypedContract } from '../../onboarding/manifest-schema'

const result = (id: CheckId, ok: boolean | 'n/a', ...evidence: string[]): CheckResult => ({
  id,
  outcome: ok === 'n/a' ? 'not-applicable' : ok ? 'pass' : 'fail',
  evidence,
})

// 办事指南 text that says the service costs nothing.
const FREE = /^(免费|无|不收费|0 ?元)/

/**
 * The checks decided by what the manifest declares (02-services.md checks
 * 12–21, and 11's declaration for typed and mini-program services). For typed
 * contracts the platform's own pages keep the records, show progress and take
 * payments, so those declarations are backed by the contract the suite tested.
 */
export function manifestChecks(m: ServiceManifest): CheckResult[] {
  const transactions = m.items.filter((i) => i.kind === 'transaction')
  const hasTransactions = transactions.length > 0
  const feeItems = m.payments.feeItems ?? []
  const feeBearing = feeItems.length > 0 || !FREE.test(m.docs.fees)
  const usesPersonalData = m.privacy.dataUsed.length > 0 || (isTypedContract(m.contract) && m.contract !== 'payment@1')
  const support = [m.support.hotline && `hotline ${m.support.hotline}`, m.support.online && `online help ${m.support.online}`].filter(Boolean) as string[]
  return [
    ...(m.contract === 'webview'
      ? []
      : [result('no-ads', m.contract === 'miniprogram' ? m.adsFree : 'n/a',
          m.contract === 'miniprogram' ? `manifest declares adsFree: ${m.adsFree}` : 'typed contract: the platform renders the pages, there is no agency page to carry ads')]),
    result('docs', Boolean(m.docs.fees && m.docs.timeLimit && (m.docs.materials.length > 0 || !hasTransactions)),
      `materials: ${m.docs.materials.length ? m.docs.materials.join('、') : '(none)'}`, `fees: ${m.docs.fees}`, `time limit: ${m.docs.timeLimit}`),
    result('records', hasTransactions ? m.records.keepsRecords : 'n/a',
      hasTransactions ? `${transactions.length} transaction item(s); manifest declares keepsRecords: ${m.records.keepsRecords}` : 'no transaction items'),
    result('progress', hasTransactions ? m.records.exposesProgress : 'n/a',
      hasTransactions ? `manifest declares exposesProgress: ${m.records.exposesProgress}` : 'no transaction items'),
    result('payment', feeBearing ? m.payments.takesPayments && feeItems.length > 0 : 'n/a',
      feeBearing
        ? `fees: ${m.docs.fees}; takesPayments: ${m.payments.takesPayments}; fee items: ${feeItems.join(', ') || '(none)'}`
        : `free of charge (fees: ${m.docs.fees})`),
    result('support', support.length > 0, ...(support.length ? support : ['no hotline and no online contact'])),
    result('notify', hasTransactions ? m.notify.subscribeMessage : 'n/a',
      hasTransactions ? `manifest declares subscribeMessage: ${m.notify.subscribeMessage}` : 'no transaction items'),
    result('real-name', usesPersonalData ? m.realNameRequired : 'n/a',
      usesPersonalData ? `personal data used: ${m.privacy.dataUsed.join('、') || 'per contract'}; realNameRequired: ${m.realNameRequired}` : 'uses no personal data'),
    result('privacy', Boolean(m.privacy.noticeUrl), `privacy notice: ${m.privacy.noticeUrl}`),
    result('feedback', m.feedback.takesRatings && m.feedback.answersBadRatings,
      `takesRatings: ${m.feedback.takesRatings}; answersBadRatings: ${m.feedback.answersBadRatings}`),
    result('elder', m.elderFriendly, `manifest declares elderFriendly: ${m.elderFriendly}`),
  ]
}
