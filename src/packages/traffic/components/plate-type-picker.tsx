import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../components/pressable'
import { PLATE_TYPES } from '../../../domain/plate'

const CHOICES = Object.entries(PLATE_TYPES) as [string, string][]

/**
 * 号牌种类 as a row of choices, all visible at once (7 types: a dropdown
 * would hide them); the chosen one is marked with aria-current and a tick.
 */
export function PlateTypePicker({ value, onChange, error }: { value: string; onChange: (type: string) => void; error?: string }) {
  return (
    <View className="plate-types">
      <Text id="plate-type-label" className="text-field__label">
        号牌种类
      </Text>
      <View className="choice-chips" role="group" aria-labelledby="plate-type-label">
        {CHOICES.map(([code, name]) => (
          <Pressable
            key={code}
            className={code === value ? 'choice-chip choice-chip--on' : 'choice-chip'}
            current={code === value}
            onPress={() => onChange(code)}
          >
            {code === value ? `✓ ${name}` : name}
          </Pressable>
        ))}
      </View>
      {error && <Text className="text-field__error">{error}</Text>}
    </View>
  )
}
