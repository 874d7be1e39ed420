/**
 * Pinyin of a text, computed by the server (a pinyin dictionary is too big for
 * the phone): syllables in lower case without tones, ü written v, separated by
 * single spaces (`gong ji jin`); runs of latin letters or digits are one
 * "syllable" (`etc ban li`). `initials` has the first letter of each syllable
 * (`gjj`), a latin run whole (`etcbl`).
 */
export interface PinyinKey {
  pinyin: string
  initials: string
}

/** What the catalog sends with a service so the app can search it by pinyin: its name's key and each item's, in the items' order. */
export interface ServiceSearchKeys {
  name: PinyinKey
  items: PinyinKey[]
}
