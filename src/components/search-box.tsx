import { Input, Text, View } from '@tarojs/components'
import { Pressable } from './pressable'
import './search-box.scss'

interface SearchBoxProps {
  value: string
  onChange: (value: string) => void
  placeholder: string
  /** Accessible name of the input, e.g. 搜索城市 */
  label: string
  /** Extra class for the page's own spacing. */
  className?: string
}

/** A pill-shaped search input with a clear button once something is typed; what was typed stays until cleared. */
export function SearchBox({ value, onChange, placeholder, label, className }: SearchBoxProps) {
  return (
    <View className={className ? `search-box ${className}` : 'search-box'} role="search">
      <Input
        className="search-box__input"
        type="text"
        confirmType="search"
        value={value}
        placeholder={placeholder}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
      {value.trim() !== '' && (
        <Pressable className="search-box__clear" label="清除搜索" onPress={() => onChange('')}>
          <Text aria-hidden="true">×</Text>
        </Pressable>
      )}
    </View>
  )
}
