/**
 * How long a typed value may be, said rather than enforced: an input that
 * stops taking characters at its limit cuts a long name (or a pasted
 * number) without a word, so fields take more and say what is too much.
 */

/** Characters as a citizen counts them (a character outside the BMP is one, not two). */
export function textLength(value: string): number {
  return Array.from(value).length
}

/** "最多 20 个字，已输入 23 个，请删去多余的 3 个", or undefined while the value fits. */
export function overLengthMessage(value: string, max: number): string | undefined {
  const length = textLength(value)
  if (length <= max) return undefined
  return `最多 ${max} 个字，已输入 ${length} 个，请删去多余的 ${length - max} 个`
}

/** The counter under a field with a limit: "3/20". */
export function lengthCounter(value: string, max: number): string {
  return `${textLength(value)}/${max}`
}
