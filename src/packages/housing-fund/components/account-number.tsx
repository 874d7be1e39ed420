import { Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { Pressable } from '../../../components/pressable'
import { useFaceCheck } from '../../../hooks/use-face-check'
import { getFundAccountNumber } from '../../../services/housing-fund-api'
import { ApiError, errorMessage } from '../../../services/request'

type Reveal = { status: 'hidden' } | { status: 'loading' } | { status: 'shown'; accountNo: string } | { status: 'error'; message: string }

/**
 * 个人账号, masked until the holder taps the eye. Only then is the full
 * number asked for (it is not sent to the phone otherwise); tapping again
 * masks it and forgets it, so it is not left on a screen someone else sees.
 * The full number needs a recent 人脸核身: the citizen is led through it and
 * the number is asked for again once it passed.
 */
export function AccountNumber({ service, masked }: { service: string; masked: string }) {
  const [reveal, setReveal] = useState<Reveal>({ status: 'hidden' })
  const mounted = useRef(true)
  useEffect(
    () => () => {
      mounted.current = false
    },
    [],
  )

  const fetchNumber = () => {
    setReveal({ status: 'loading' })
    getFundAccountNumber(service).then(
      (accountNo) => mounted.current && setReveal({ status: 'shown', accountNo }),
      (error: unknown) => {
        if (!mounted.current) return
        if (error instanceof ApiError && error.code === 'FACE_CHECK_REQUIRED') {
          setReveal({ status: 'loading' })
          faceCheck.run({ purpose: 'step-up' })
          return
        }
        setReveal({ status: 'error', message: errorMessage(error) })
      },
    )
  }
  const faceCheck = useFaceCheck((end) => {
    if (!mounted.current) return
    if (end.kind === 'done' && end.outcome.faceCheck.status === 'passed') return fetchNumber()
    setReveal({ status: 'error', message: end.kind === 'error' ? end.message : '人脸核身未通过，无法显示完整账号' })
  })

  const toggle = () => {
    if (reveal.status === 'loading') return
    if (reveal.status === 'shown') {
      setReveal({ status: 'hidden' })
      return
    }
    fetchNumber()
  }

  const shown = reveal.status === 'shown'
  return (
    <View className="account-number">
      <View className="account-number__row">
        <Text className="account-number__label">个人账号</Text>
        <Text className="account-number__value" aria-live="polite">
          {shown ? reveal.accountNo : masked}
        </Text>
        <Pressable className="eye-toggle" label={shown ? '隐藏账号' : '显示账号'} disabled={reveal.status === 'loading'} onPress={toggle}>
          <View className={shown ? 'eye-toggle__icon' : 'eye-toggle__icon eye-toggle__icon--closed'} aria-hidden="true" />
          <Text className="eye-toggle__text">{shown ? '隐藏' : '显示'}</Text>
        </Pressable>
      </View>
      {reveal.status === 'loading' && (
        <View className="account-number__note" role="status">
          正在获取完整账号…
        </View>
      )}
      {reveal.status === 'error' && (
        <View className="account-number__note account-number__note--error" role="alert">
          {reveal.message}
        </View>
      )}
    </View>
  )
}
