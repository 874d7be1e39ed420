import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../components/pressable'
import type { Doctor } from '../../../services/hospital-api'

/** The label of a doctor's choice; the department's first doctor is its 普通门诊 (general clinic). */
function choiceText(doctor: Doctor, index: number): string {
  return index === 0 ? '普通门诊' : `${doctor.name} ${doctor.title}`
}

/**
 * Whose numbers to show: the whole department (全部), its 普通门诊 first, or
 * one doctor. All choices stay visible; the chosen one is marked.
 */
export function DoctorPicker({ doctors, value, onChange }: { doctors: Doctor[]; value: string; onChange: (doctorId: string) => void }) {
  const choices = [{ id: '', text: '全部医生' }, ...doctors.map((d, i) => ({ id: d.id, text: choiceText(d, i) }))]
  return (
    <View className="doctor-picker">
      <Text id="doctor-picker-label" className="doctor-picker__label">
        医生
      </Text>
      <View className="choice-chips" role="group" aria-labelledby="doctor-picker-label">
        {choices.map((c) => (
          <Pressable key={c.id || 'all'} className={c.id === value ? 'choice-chip choice-chip--on' : 'choice-chip'} current={c.id === value} onPress={() => onChange(c.id)}>
            {c.text}
          </Pressable>
        ))}
      </View>
    </View>
  )
}
