import { Text, View } from '@tarojs/components'
import { Pressable } from './pressable'
import './form-alert.scss'

/**
 * A problem with the whole form (the agency did not answer, the name and ID
 * number do not match), announced at once; with 重试 when trying the same
 * values again can help.
 */
export function FormAlert({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className="form-alert" role="alert">
      <Text className="form-alert__text">{message}</Text>
      {onRetry && (
        <Pressable className="button button--secondary form-alert__retry" onPress={onRetry}>
          重试
        </Pressable>
      )}
    </View>
  )
}
