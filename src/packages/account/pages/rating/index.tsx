import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MyRatingT } from '../../../../api/ratings'
import { FormAlert } from '../../../../components/form-alert'
import { PageTitle } from '../../../../components/page-title'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { TextField } from '../../../../components/text-field'
import { formatChinaDateTime } from '../../../../domain/china-time'
import { RATING_COMMENT_MAX, RATING_LEVELS, type RatingLevel, ratingLabel, ratingTags } from '../../../../domain/rating-levels'
import { overLengthMessage } from '../../../../domain/text-length'
import { usePageClass } from '../../../../hooks/use-care-mode'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { followUpRating, getMyRating, rateRecord } from '../../../../services/rating-api'
import { showNotice } from '../../../../services/navigation'
import { useCityStore } from '../../../../stores/city-store'
import './index.scss'

/** The five levels as choices (one picked at a time). */
function LevelChoice({ value, onChange }: { value: RatingLevel | null; onChange: (level: RatingLevel) => void }) {
  return (
    <View className="choice-chips rating__levels" role="radiogroup" aria-label="满意程度">
      {RATING_LEVELS.map(({ level, label }) => (
        <Pressable key={level} className={value === level ? 'choice-chip choice-chip--on' : 'choice-chip'} radio={value === level} onPress={() => onChange(level)}>
          {label}
        </Pressable>
      ))}
    </View>
  )
}

/** A level, optional tags of that level and a comment; sends them once. */
function RatingForm({ tagsShown, submitText, onSubmit }: { tagsShown: boolean; submitText: string; onSubmit: (v: { level: RatingLevel; tags: string[]; comment: string }) => Promise<void> }) {
  const [level, setLevel] = useState<RatingLevel | null>(null)
  const [tags, setTags] = useState<string[]>([])
  const [comment, setComment] = useState('')
  const [alert, setAlert] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const toggle = (tag: string) => setTags((t) => (t.includes(tag) ? t.filter((x) => x !== tag) : [...t, tag]))
  const submit = async () => {
    if (!level) return setAlert('请选择满意程度')
    if (overLengthMessage(comment, RATING_COMMENT_MAX)) return setAlert(`评价内容${overLengthMessage(comment, RATING_COMMENT_MAX)}`)
    setAlert(null)
    setSending(true)
    try {
      await onSubmit({ level, tags, comment: comment.trim() })
    } catch (err) {
      setAlert(err instanceof Error ? err.message : '提交失败，请重试')
    } finally {
      setSending(false)
    }
  }
  return (
    <View className="subpage-form card rating__form" role="form" aria-label={submitText}>
      <LevelChoice
        value={level}
        onChange={(l) => {
          setLevel(l)
          setTags([])
        }}
      />
      {tagsShown && level && (
        <View className="choice-chips rating__tags" role="group" aria-label="评价标签（可多选）">
          {ratingTags(level).map((tag) => (
            <Pressable key={tag} className={tags.includes(tag) ? 'choice-chip choice-chip--on' : 'choice-chip'} checked={tags.includes(tag)} onPress={() => toggle(tag)}>
              {tag}
            </Pressable>
          ))}
        </View>
      )}
      <TextField id="rating-comment" label="评价内容（选填）" value={comment} onChange={setComment} maxlength={RATING_COMMENT_MAX} showCount hint="身份证号、手机号会自动打码" />
      {alert && <FormAlert message={alert} />}
      <View className="subpage-actions">
        <Pressable className="button button--primary rating__submit" disabled={sending} onPress={() => void submit()}>
          {sending ? '正在提交…' : submitText}
        </Pressable>
      </View>
    </View>
  )
}

/** The rating given, the agency's callback and fix of a poor one, and the 追评. */
function RatingView({ rating }: { rating: MyRatingT }) {
  const t = rating.ticket
  return (
    <View className="subpage-card card rating__given">
      <Text className="list-row__title">{`我的评价：${ratingLabel(rating.level)}`}</Text>
      {rating.tags.length > 0 && <Text className="list-row__text">{rating.tags.join('、')}</Text>}
      {rating.comment && <Text className="list-row__text">{rating.comment}</Text>}
      <Text className="list-row__text">{formatChinaDateTime(rating.ratedAt)}</Text>
      {rating.voided && <Text className="list-row__text">经核实，这条评价已被认定无效。</Text>}
      {t && !rating.voided && (
        <View className="rating__ticket">
          {!t.callback && !t.fix && <Text className="rating__answer">{`已转交办理部门：${formatChinaDateTime(t.callbackDue)} 前回访，${formatChinaDateTime(t.fixDue)} 前整改。`}</Text>}
          {t.callback && <Text className="rating__answer">{`部门回访：${t.callback.text}（${formatChinaDateTime(t.callback.at)}）`}</Text>}
          {t.fix && <Text className="rating__answer">{`整改结果：${t.fix.text}（${formatChinaDateTime(t.fix.at)}）`}</Text>}
        </View>
      )}
      {rating.followUp && <Text className="rating__answer">{`我的追评：${ratingLabel(rating.followUp.level)}${rating.followUp.comment ? `，${rating.followUp.comment}` : ''}`}</Text>}
    </View>
  )
}

/** 评价 of one 办结 case: the five levels, tags and a comment, once; then the agency's answer and one 追评. */
export default function RatingPage() {
  const pageClass = usePageClass('page rating')
  const { recordId, what } = useRouteParams('recordId', 'what')
  const remote = useRemote(() => getMyRating(recordId), [recordId])
  const [given, setGiven] = useState<MyRatingT | null>(null)
  const cityCode = useCityStore((s) => s.current?.code)
  const rating = given ?? (remote.state.status === 'ready' ? remote.state.data : null)
  const answered = Boolean(rating?.ticket && (rating.ticket.callback || rating.ticket.fix))

  return (
    <View className={pageClass} role="main">
      <PageTitle>评价</PageTitle>
      {what && <Text className="subpage-lead">{what}</Text>}
      {!given && <RemoteStatus remote={remote} />}
      {rating && <RatingView rating={rating} />}
      {remote.state.status === 'ready' && !rating && (
        <RatingForm
          tagsShown
          submitText="提交评价"
          onSubmit={async (v) => {
            // The city the app is in places a province-wide or national service's rating (a city service has its own).
            setGiven(await rateRecord(recordId, { level: v.level, tags: v.tags, ...(v.comment ? { comment: v.comment } : {}), ...(cityCode ? { cityCode } : {}) }))
            showNotice('感谢您的评价')
          }}
        />
      )}
      {rating && answered && !rating.followUp && !rating.voided && (
        <>
          <Text className="subpage-lead">部门已答复，您可以追评一次：</Text>
          <RatingForm
            tagsShown={false}
            submitText="提交追评"
            onSubmit={async (v) => {
              setGiven(await followUpRating(recordId, { level: v.level, ...(v.comment ? { comment: v.comment } : {}) }))
              showNotice('追评已提交')
            }}
          />
        </>
      )}
    </View>
  )
}
