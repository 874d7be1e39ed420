import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../components/pressable'

export interface Choice<V extends string> {
  value: V
  label: string
}

/** A few options, all visible, one chosen (marked with ✓ as well as colour), e.g. 等额本息 / 等额本金. */
export function ChoiceGroup<V extends string>({ id, label, choices, value, onChange }: { id: string; label: string; choices: Choice<V>[]; value: V; onChange: (value: V) => void }) {
  return (
    <View className="choice-group">
      <Text id={id} className="choice-group__label">
        {label}
      </Text>
      <View className="choice-chips" role="group" aria-labelledby={id}>
        {choices.map((c) => (
          <Pressable key={c.value} className={c.value === value ? `choice-chip choice-chip--on choice-group__${c.value}` : `choice-chip choice-group__${c.value}`} current={c.value === value} onPress={() => onChange(c.value)}>
            {c.value === value ? `✓ ${c.label}` : c.label}
          </Pressable>
        ))}
      </View>
    </View>
  )
}
