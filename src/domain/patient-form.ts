import { identityFormProblems, normalizeIdentityForm, type FieldProblem } from './citizen-forms'
import { ADDABLE_RELATIONS } from './patient-relations'

export interface PatientForm {
  name: string
  idNumber: string
  /** One of ADDABLE_RELATIONS; '' until chosen. */
  relation: string
}

export const RELATION_MESSAGE = '请选择就诊人与你的关系'

/** The form as it is sent: name and ID number as 实名认证 sends them. */
export function normalizePatientForm(form: PatientForm): PatientForm {
  return { ...normalizeIdentityForm(form), relation: form.relation }
}

/**
 * Every problem of a normalized 就诊人 form: the same name and GB 11643
 * checks as 实名认证 (the server runs them too), plus a relation from the
 * list; `today` is YYYY-MM-DD in China time.
 */
export function patientFormProblems(form: PatientForm, today: string): FieldProblem<keyof PatientForm>[] {
  const problems: FieldProblem<keyof PatientForm>[] = identityFormProblems(form, today)
  if (!(ADDABLE_RELATIONS as readonly string[]).includes(form.relation)) problems.push({ field: 'relation', message: RELATION_MESSAGE })
  return problems
}
