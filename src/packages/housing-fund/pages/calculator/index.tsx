import { Text, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { TextField } from '../../../../components/text-field'
import { problemsByField } from '../../../../domain/field-problems'
import { equalInstalmentSchedule, equalPrincipalSchedule, type LoanField, loanProblems, type RepaymentMethod } from '../../../../domain/loan-calculator'
import { DEFAULT_FUND_RATE, type LoanForm, readLoanForm, type TermUnit } from '../../../../domain/loan-calculator-input'
import { CalculatorResult } from '../../components/calculator-result'
import { ChoiceGroup } from '../../components/choice-group'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

const FIELD_OF: Record<keyof Omit<LoanForm, 'termUnit'>, LoanField> = { amountWan: 'principal', ratePercent: 'rate', term: 'months' }

/** The term as the other unit when it converts exactly (30 年 ↔ 360 个月); otherwise as typed. */
function convertTerm(term: string, to: TermUnit): string {
  if (!/^\d+$/.test(term.trim())) return term
  const n = Number(term.trim())
  if (to === 'months') return String(n * 12)
  return n % 12 === 0 ? String(n / 12) : term
}

/**
 * 贷款试算 (no login, no service): amount in 万元, annual rate (the current
 * fund rate to start with), term in years or months and the repayment
 * method; the result and the monthly schedule follow what is typed, exact
 * to the fen. A field that cannot be used says why, and nothing is
 * calculated until it is fixed; what was typed stays.
 */
export default function LoanCalculatorPage() {
  const pageClass = usePageClass('page loan-calculator')
  const [form, setForm] = useState<LoanForm>({ amountWan: '', ratePercent: DEFAULT_FUND_RATE, term: '30', termUnit: 'years' })
  const [method, setMethod] = useState<RepaymentMethod>('equal-instalment')
  // An empty amount is not scolded before the citizen has typed anything.
  const [touched, setTouched] = useState<Set<string>>(() => new Set())

  const input = useMemo(() => readLoanForm(form), [form])
  const problems = useMemo(() => loanProblems(input), [input])
  const schedule = useMemo(
    () => (problems.length > 0 ? undefined : method === 'equal-instalment' ? equalInstalmentSchedule(input) : equalPrincipalSchedule(input)),
    [input, problems, method],
  )
  const byField = problemsByField(problems)
  const errorOf = (field: keyof typeof FIELD_OF) => (touched.has(field) || form[field] !== '' ? byField[FIELD_OF[field]] : undefined)

  const change = (field: keyof typeof FIELD_OF, value: string) => {
    setForm((f) => ({ ...f, [field]: value }))
    setTouched((t) => (t.has(field) ? t : new Set(t).add(field)))
  }
  const changeUnit = (unit: TermUnit) => setForm((f) => (f.termUnit === unit ? f : { ...f, termUnit: unit, term: convertTerm(f.term, unit) }))
  const years = form.termUnit === 'years'

  return (
    <View className={pageClass} role="main">
      <PageTitle>贷款试算</PageTitle>
      <Text className="subpage-lead">按公积金贷款的计息方式逐月计算，精确到分，仅供参考；实际贷款额度、利率和月供以公积金中心审批为准。</Text>
      <View className="subpage-form card loan-calculator__form" role="form" aria-label="贷款信息">
        <TextField
          id="calculator-amount"
          label="贷款金额（万元）"
          value={form.amountWan}
          error={errorOf('amountWan')}
          hint="例如 100 表示 100 万元"
          placeholder="请输入贷款金额"
          maxlength={14}
          type="digit"
          onChange={(v) => change('amountWan', v)}
        />
        <TextField
          id="calculator-rate"
          label="年利率（%）"
          value={form.ratePercent}
          error={errorOf('ratePercent')}
          hint="首套住房 5 年以上公积金贷款利率为 2.85%（2025 年 5 月 8 日起）"
          maxlength={8}
          type="digit"
          onChange={(v) => change('ratePercent', v)}
        />
        <ChoiceGroup
          id="calculator-unit-label"
          label="期限单位"
          choices={[
            { value: 'years', label: '按年' },
            { value: 'months', label: '按月' },
          ]}
          value={form.termUnit}
          onChange={changeUnit}
        />
        <TextField
          id="calculator-term"
          label={years ? '贷款期限（年）' : '贷款期限（月）'}
          value={form.term}
          error={errorOf('term')}
          hint={years ? '最长 30 年' : '最长 360 个月'}
          maxlength={4}
          type="number"
          onChange={(v) => change('term', v)}
        />
        <ChoiceGroup
          id="calculator-method-label"
          label="还款方式"
          choices={[
            { value: 'equal-instalment', label: '等额本息' },
            { value: 'equal-principal', label: '等额本金' },
          ]}
          value={method}
          onChange={setMethod}
        />
        <Text className="loan-calculator__method-note">
          {method === 'equal-instalment' ? '等额本息：每月还款额相同，前期利息占比高。' : '等额本金：每月归还相同本金，月供逐月减少，总利息更少。'}
        </Text>
      </View>
      {schedule ? (
        <CalculatorResult input={input} schedule={schedule} />
      ) : (
        <Text className="subpage-notice loan-calculator__waiting">填写贷款金额、年利率和期限后，这里显示月供、利息和每月还款计划。</Text>
      )}
    </View>
  )
}
