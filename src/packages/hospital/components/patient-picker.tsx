import { Text, View } from '@tarojs/components'
import type { PatientT } from '../../../api/hospital'
import { Pressable } from '../../../components/pressable'
import { relationLabel } from '../../../domain/patient-relations'

export interface PatientPickerProps {
  patients: PatientT[]
  value: string
  onChange: (patientId: string) => void
  error?: string
  /** 添加就诊人, while there is room for one more. */
  onAdd?: () => void
}

/** Who the appointment is for: every 就诊人 (masked) with their relation, the chosen one marked. */
export function PatientPicker({ patients, value, onChange, error, onAdd }: PatientPickerProps) {
  return (
    <View className="patient-picker">
      <View className="patient-picker__list" role="group" aria-labelledby="booking-patient-title">
        {patients.map((p) => (
          <Pressable
            key={p.id}
            className={p.id === value ? 'patient-choice patient-choice--on' : 'patient-choice'}
            current={p.id === value}
            onPress={() => onChange(p.id)}
          >
            <View className="list-row__top">
              <Text className="patient-choice__name">{p.id === value ? `✓ ${p.name}` : p.name}</Text>
              <Text className="tag">{relationLabel(p.relation)}</Text>
            </View>
            <Text className="list-row__text">{p.idNumber}</Text>
          </Pressable>
        ))}
      </View>
      {error && (
        <Text id="booking-patient-note" className="text-field__error">
          {error}
        </Text>
      )}
      {onAdd && (
        <Pressable className="subpage-link patient-picker__add" onPress={onAdd}>
          + 添加就诊人
        </Pressable>
      )}
    </View>
  )
}
