import { Input, Text, View } from '@tarojs/components'
import './text-field.scss'

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
  maxlength?: number
  type?: 'text' | 'idcard'
}

/**
 * A labelled input with its problem under it. The value is the page's state,
 * so nothing typed is lost when a check or the server refuses it.
 */
export function TextField({ id, label, value, onChange, placeholder, error, hint, maxlength = 40, type = 'text' }: TextFieldProps) {
  const noteId = `${id}-note`
  // aria-invalid and aria-describedby are DOM attributes the Taro Input type does not declare.
  const a11y: Record<string, unknown> = { 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': error || hint ? noteId : undefined }
  return (
    <View className={error ? 'text-field text-field--invalid' : 'text-field'}>
      <Text className="text-field__label">{label}</Text>
      <Input
        {...a11y}
        id={id}
        className="text-field__input"
        type={type}
        value={value}
        placeholder={placeholder}
        maxlength={maxlength}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error ? (
        <Text id={noteId} className="text-field__error">
          {error}
        </Text>
      ) : (
        hint && (
          <Text id={noteId} className="text-field__hint">
            {hint}
          </Text>
        )
      )}
    </View>
  )
}
