import { UsageSwitch } from '../../components/usage-switch'
import { useCareMode } from '../../hooks/use-care-mode'
import { setCareMode } from '../../stores/care-store'

/** 我的 → 关怀模式: larger text and targets on every page, remembered on the device. */
export function CareSwitch() {
  const on = useCareMode()
  return (
    <UsageSwitch
      id="care-switch"
      label="关怀模式"
      hint={on ? '已开启：更大的字号和按钮，所有页面生效' : '更大的字号，更清晰的界面'}
      checked={on}
      onChange={setCareMode}
    />
  )
}
