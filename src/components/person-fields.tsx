import { TextField } from './text-field'

export interface PersonFieldsProps {
  /** Prefix of the inputs' ids, unique on the page. */
  idPrefix: string
  values: { name: string; idNumber: string }
  errors: { name?: string; idNumber?: string }
  onChange: (field: 'name' | 'idNumber', value: string) => void
}

/** 姓名 and 身份证号 as every real-name form asks them (实名认证, 就诊人). */
export function PersonFields({ idPrefix, values, errors, onChange }: PersonFieldsProps) {
  return (
    <>
      <TextField
        id={`${idPrefix}-name`}
        label="姓名"
        placeholder="与身份证上的姓名一致"
        value={values.name}
        error={errors.name}
        maxlength={20}
        showCount
        onChange={(v) => onChange('name', v)}
      />
      <TextField
        id={`${idPrefix}-id-number`}
        label="身份证号"
        type="idcard"
        placeholder="18 位居民身份证号码"
        value={values.idNumber}
        error={errors.idNumber}
        maxlength={20}
        onChange={(v) => onChange('idNumber', v)}
      />
    </>
  )
}
