import { describe, expect, it } from 'vitest'
import { licenceStatusLabel } from '../../../src/domain/licence-status'
import { isPaymentSettled } from '../../../src/domain/payment-outcome'
import { recordStatusLabel } from '../../../src/domain/record-status'
import { canPayOnline, notPayableReason, violationStatusLabel } from '../../../src/domain/violation-status'
import { summarizeViolations } from '../../../src/domain/violation-summary'

describe('status labels', () => {
  it('names every record status in Chinese', () => {
    expect(['pending', 'paid', 'done', 'failed', 'cancelled'].map(recordStatusLabel)).toEqual([
      '待支付',
      '已支付（待确认）',
      '已办结',
      '未成功',
      '已取消',
    ])
    expect(recordStatusLabel('something-new')).toBe('处理中')
  })

  it('names violation statuses and counts a settled OneCity payment as paid', () => {
    expect(violationStatusLabel('unpaid')).toBe('未缴款')
    expect(violationStatusLabel('paid')).toBe('已缴款')
    expect(violationStatusLabel('processing')).toBe('处理中')
    expect(violationStatusLabel('unpaid', 'created')).toBe('未缴款')
    expect(violationStatusLabel('unpaid', 'paid')).toBe('已缴款')
    expect(violationStatusLabel('unpaid', 'done')).toBe('已缴款')
  })

  it('allows paying online only an unpaid, payable violation without a settled payment', () => {
    expect(canPayOnline({ status: 'unpaid', payableOnline: true })).toBe(true)
    expect(canPayOnline({ status: 'unpaid', payableOnline: true }, 'created')).toBe(true)
    expect(canPayOnline({ status: 'unpaid', payableOnline: true }, 'closed')).toBe(true)
    expect(canPayOnline({ status: 'unpaid', payableOnline: true }, 'paid')).toBe(false)
    expect(canPayOnline({ status: 'unpaid', payableOnline: false })).toBe(false)
    expect(canPayOnline({ status: 'processing', payableOnline: true })).toBe(false)
    expect(canPayOnline({ status: 'paid', payableOnline: true })).toBe(false)
  })

  it('gives a reason only for an unpaid violation that cannot be paid online', () => {
    expect(notPayableReason({ status: 'unpaid', payableOnline: false, notPayableReason: '需到窗口处理' })).toBe('需到窗口处理')
    expect(notPayableReason({ status: 'unpaid', payableOnline: false })).toBe('请到处理机关办理')
    expect(notPayableReason({ status: 'unpaid', payableOnline: true })).toBeUndefined()
    expect(notPayableReason({ status: 'paid', payableOnline: false, notPayableReason: '已缴款' })).toBeUndefined()
  })

  it('treats only paid and done as money moved', () => {
    expect(['created', 'paid', 'done', 'closed', undefined].map(isPaymentSettled)).toEqual([false, true, true, false, false])
  })

  it('describes the licence status', () => {
    expect(licenceStatusLabel('normal')).toBe('正常')
    expect(licenceStatusLabel('full')).toContain('12 分')
  })
})

describe('summarizeViolations', () => {
  it('sums up what is left to pay', () => {
    expect(summarizeViolations({ count: 3, unpaidCount: 2, unpaidFineFen: 40000, unpaidPoints: 6, unpaidLateFeeFen: 0 })).toBe('2 条未缴款 · 罚款 400.00 元 · 记 6 分')
    // The total includes the late fee, as 应缴 on the violation's page does.
    expect(summarizeViolations({ count: 3, unpaidCount: 2, unpaidFineFen: 40000, unpaidPoints: 6, unpaidLateFeeFen: 3000 })).toBe('2 条未缴款 · 应缴 430.00 元（罚款 400.00 元 + 滞纳金 30.00 元） · 记 6 分')
  })

  it('says when nothing is left, and when there was nothing', () => {
    expect(summarizeViolations({ count: 2, unpaidCount: 0, unpaidFineFen: 0, unpaidPoints: 0, unpaidLateFeeFen: 0 })).toBe('共 2 条违法记录，均已缴款或处理中')
    expect(summarizeViolations({ count: 0, unpaidCount: 0, unpaidFineFen: 0, unpaidPoints: 0, unpaidLateFeeFen: 0 })).toBe('暂无违法记录')
  })
})
