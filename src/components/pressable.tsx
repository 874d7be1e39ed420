import { View } from '@tarojs/components'
import type { ReactNode } from 'react'

export interface PressableProps {
  className?: string
  id?: string
  onPress: () => void
  /** Accessible name, only when the visible content does not say what the control does. */
  label?: string
  /** Accessible description (the H5 title attribute), e.g. what a service does when only its name is shown. */
  description?: string
  /** aria-current, e.g. the selected city in a list. */
  current?: boolean
  /** Makes it a checkbox (role and aria-checked), e.g. an acknowledgement the citizen ticks. */
  checked?: boolean
  /** Makes it one radio of a radiogroup (role and aria-checked), e.g. a rating's level: one picked at a time. */
  radio?: boolean
  disabled?: boolean
  children: ReactNode
}

function onWebKeyDown(event: KeyboardEvent, onPress: () => void): void {
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault()
    onPress()
  }
}

/**
 * A tappable area that is a button to assistive technology: role="button",
 * reachable with the keyboard and activated with Enter or Space on H5 (the
 * mini-program has no keyboard; its templates drop these attributes).
 */
export function Pressable({ className, id, onPress, label, description, current, checked, radio, disabled, children }: PressableProps) {
  const ticked = radio ?? checked
  const press = () => {
    if (!disabled) onPress()
  }
  // tabIndex, onKeyDown and title are DOM-only props the Taro component types do not declare.
  const web: Record<string, unknown> =
    process.env.TARO_ENV === 'h5'
      ? { tabIndex: disabled ? -1 : 0, title: description, onKeyDown: (e: KeyboardEvent) => onWebKeyDown(e, press) }
      : {}
  return (
    <View
      {...web}
      id={id}
      className={className ? `pressable ${className}` : 'pressable'}
      hoverClass="pressable--active"
      role={radio !== undefined ? 'radio' : checked === undefined ? 'button' : 'checkbox'}
      aria-checked={ticked === undefined ? undefined : ticked ? 'true' : 'false'}
      aria-label={label}
      aria-current={current ? 'true' : undefined}
      aria-disabled={disabled ? 'true' : undefined}
      onClick={press}
    >
      {children}
    </View>
  )
}
