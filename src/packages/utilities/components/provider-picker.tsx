import { Text, View } from '@tarojs/components'
import type { ProviderT } from '../../../api/utilities'
import { Pressable } from '../../../components/pressable'
import { UTILITY_KINDS } from '../../../domain/utility-kinds'

/** 缴费单位 as a row of choices (three companies: all visible), the chosen one ticked and marked aria-current. */
export function ProviderPicker({ providers, value, onChange, error }: { providers: ProviderT[]; value: string; onChange: (id: string) => void; error?: string }) {
  return (
    <View className="provider-picker">
      <Text id="provider-label" className="text-field__label">
        缴费单位
      </Text>
      <View className="choice-chips" role="group" aria-labelledby="provider-label">
        {providers.map((p) => (
          <Pressable key={p.id} className={p.id === value ? 'choice-chip choice-chip--on' : 'choice-chip'} current={p.id === value} description={p.name} onPress={() => onChange(p.id)}>
            {`${p.id === value ? '✓ ' : ''}${UTILITY_KINDS[p.kind].label}`}
          </Pressable>
        ))}
      </View>
      {value && <Text className="text-field__hint">{providers.find((p) => p.id === value)?.name}</Text>}
      {error && <Text className="text-field__error">{error}</Text>}
    </View>
  )
}
