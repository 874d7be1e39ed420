import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../components/pressable'
import { ADDABLE_RELATIONS, PATIENT_RELATION_LABELS } from '../../../domain/patient-relations'

/** 与本人关系 as four choices, all visible (配偶, 子女, 父母, 其他); the chosen one marked with a tick. */
export function RelationPicker({ value, onChange, error }: { value: string; onChange: (relation: string) => void; error?: string }) {
  return (
    <View className="relation-picker">
      <Text id="patient-relation-label" className="text-field__label">
        与本人关系
      </Text>
      <View className="choice-chips" role="group" aria-labelledby="patient-relation-label" aria-describedby={error ? 'patient-relation-note' : undefined}>
        {ADDABLE_RELATIONS.map((relation) => {
          const label = PATIENT_RELATION_LABELS[relation]
          return (
            <Pressable
              key={relation}
              className={relation === value ? 'choice-chip choice-chip--on' : 'choice-chip'}
              current={relation === value}
              onPress={() => onChange(relation)}
            >
              {relation === value ? `✓ ${label}` : label}
            </Pressable>
          )
        })}
      </View>
      {error && (
        <Text id="patient-relation-note" className="text-field__error">
          {error}
        </Text>
      )}
    </View>
  )
}
