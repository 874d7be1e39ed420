import { View } from '@tarojs/components'
import type { FormAlertState } from '../hooks/use-form'
import { FormAlert } from './form-alert'
import { Pressable } from './pressable'

export interface FormFooterProps {
  alert: FormAlertState | null
  submitting: boolean
  /** Said in the status line while the form is being sent, e.g. 正在绑定…. */
  busyText: string
  /** Extra class of the 提交 button, e.g. `vehicle-form__submit`. */
  submitClassName: string
  /** What the button says; 提交 unless the form names its action (确认预约). */
  submitText?: string
  onSubmit: () => void
}

/** The end of a form: its alert (with 重试 when sending again may help), a status line while sending, and 提交. */
export function FormFooter({ alert, submitting, busyText, submitClassName, submitText = '提交', onSubmit }: FormFooterProps) {
  return (
    <>
      {alert && <FormAlert message={alert.message} onRetry={alert.retryable ? onSubmit : undefined} />}
      <View className="subpage-actions">
        {submitting && (
          <View className="subpage-lead" role="status">
            {busyText}
          </View>
        )}
        <Pressable className={`button button--primary ${submitClassName}`} disabled={submitting} onPress={onSubmit}>
          {submitText}
        </Pressable>
      </View>
    </>
  )
}
