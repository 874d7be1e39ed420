import { Input, Text, View } from '@tarojs/components'
import { lengthCounter, overLengthMessage } from '../domain/text-length'
import './text-field.scss'

/**
 * What the input itself stops at: well above any field's own limit, which is
 * said under the field instead (a name cut at 20 characters without a word
 * was a walk-through defect).
 */
const INPUT_CAP = 140

/** text, an ID number, or a money amount / number (the digit keyboard). */
export type TextFieldType = 'text' | 'idcard' | 'digit' | 'number'

export interface TextFieldProps {
  /** Unique on the page; names the error text the input points to. */
  id: string
  /** Visible label, also the input's accessible name. */
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  /** Shown under the input instead of the hint; marks the input invalid. */
  error?: string
  hint?: string
  /** The most characters the field takes; more are kept and said (never cut). */
  maxlength?: number
  /** Shows "n/maxlength" beside the hint, for fields where the limit is close to real input (names). */
  showCount?: boolean
  /** digit: amounts with a decimal point; number: whole numbers. Both bring up the digit keyboard. */
  type?: TextFieldType
}

/**
 * The input's own type and, in H5, its keyboard. In H5 Taro turns digit into
 * type="number", which empties the value on anything it cannot read ("1,200"),
 * so the check could not say what to fix: there a text input with
 * inputMode brings up the phone's digit keyboard instead.
 */
function inputKind(type: TextFieldType): { type: 'text' | 'idcard' | 'digit' | 'number'; web: Record<string, unknown> } {
  if (process.env.TARO_ENV !== 'h5' || (type !== 'digit' && type !== 'number')) return { type, web: {} }
  return { type: 'text', web: { inputMode: type === 'digit' ? 'decimal' : 'numeric' } }
}

/**
 * A labelled input with its problem under it. The value is the page's state,
 * so nothing typed is lost when a check or the server refuses it.
 */
export function TextField({ id, label, value, onChange, placeholder, error, hint, maxlength = 40, showCount = false, type = 'text' }: TextFieldProps) {
  const noteId = `${id}-note`
  const problem = error ?? overLengthMessage(value, maxlength)
  const note = showCount ? [hint, `已输入 ${lengthCounter(value, maxlength)}`].filter(Boolean).join(' · ') : hint
  const kind = inputKind(type)
  // aria-invalid and aria-describedby are DOM attributes the Taro Input type does not declare.
  const a11y: Record<string, unknown> = { 'aria-invalid': problem ? 'true' : undefined, 'aria-describedby': problem || note ? noteId : undefined }
  return (
    <View className={problem ? 'text-field text-field--invalid' : 'text-field'}>
      <Text className="text-field__label">{label}</Text>
      <Input
        {...a11y}
        {...kind.web}
        id={id}
        className="text-field__input"
        type={kind.type}
        value={value}
        placeholder={placeholder}
        maxlength={Math.max(INPUT_CAP, maxlength * 2)}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
      {problem ? (
        <Text id={noteId} className="text-field__error">
          {problem}
        </Text>
      ) : (
        note && (
          <Text id={noteId} className="text-field__hint">
            {note}
          </Text>
        )
      )}
    </View>
  )
}
