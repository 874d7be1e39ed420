import { Text, View } from '@tarojs/components'

interface UsageSwitchProps {
  id: string
  label: string
  /** Says what the switch does now, e.g. why it is disabled. */
  hint: string
  checked: boolean
  disabled?: boolean
  onChange: (checked: boolean) => void
}

/**
 * An on/off switch that is a switch to assistive technology: role="switch"
 * with aria-checked, named by its visible label and described by its hint,
 * toggled by a tap, or by Enter or Space on H5 (the mini-program has no
 * keyboard; its templates drop these attributes).
 */
export function UsageSwitch({ id, label, hint, checked, disabled, onChange }: UsageSwitchProps) {
  const toggle = () => {
    if (!disabled) onChange(!checked)
  }
  const web: Record<string, unknown> =
    process.env.TARO_ENV === 'h5'
      ? {
          tabIndex: disabled ? -1 : 0,
          onKeyDown: (e: KeyboardEvent) => {
            if (e.key === 'Enter' || e.key === ' ') {
              e.preventDefault()
              toggle()
            }
          },
        }
      : {}
  return (
    <View
      {...web}
      className={`usage-switch${checked ? ' usage-switch--on' : ''}${disabled ? ' usage-switch--disabled' : ''}`}
      role="switch"
      aria-checked={checked ? 'true' : 'false'}
      aria-disabled={disabled ? 'true' : undefined}
      aria-labelledby={`${id}-label`}
      aria-describedby={`${id}-hint`}
      onClick={toggle}
    >
      <View className="usage-switch__text">
        <Text id={`${id}-label`} className="usage-switch__label">
          {label}
        </Text>
        <Text id={`${id}-hint`} className="usage-switch__hint">
          {hint}
        </Text>
      </View>
      <View className="usage-switch__track" aria-hidden="true">
        <View className="usage-switch__knob" />
      </View>
    </View>
  )
}
