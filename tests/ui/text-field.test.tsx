import { useState } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { TextField, type TextFieldType } from '../../src/components/text-field'
import { render, type Rendered } from './render'

let view: Rendered | undefined

/** A field with its value kept in state, as the pages keep it. */
function Field({ maxlength, showCount, type }: { maxlength?: number; showCount?: boolean; type?: TextFieldType }) {
  const [value, setValue] = useState('')
  return <TextField id="f" label="姓名" value={value} onChange={setValue} maxlength={maxlength} showCount={showCount} type={type} />
}

const input = () => view!.container.querySelector<HTMLInputElement>('input[aria-label="姓名"]')!
const note = () => view!.container.querySelector('#f-note')

describe('TextField', () => {
  afterEach(() => view?.unmount())

  it('never cuts a long name at its limit: keeps every character and says how many are too many', async () => {
    view = await render(<Field maxlength={20} showCount />)
    // The input itself takes well beyond the field's limit.
    expect(Number(input().getAttribute('maxlength'))).toBeGreaterThan(20)
    expect(note()?.textContent).toBe('已输入 0/20')
    await view.type(input(), '阿卜杜热依木')
    expect(note()?.textContent).toBe('已输入 6/20')
    expect(input().getAttribute('aria-invalid')).toBeNull()

    const long = '阿卜杜热依木·买买提·艾力·阿布都克热木·吐尔逊' // 24 characters
    await view.type(input(), long)
    expect(input().value).toBe(long)
    expect(note()?.className).toContain('text-field__error')
    expect(note()?.textContent).toBe('最多 20 个字，已输入 24 个，请删去多余的 4 个')
    expect(input().getAttribute('aria-invalid')).toBe('true')
    expect(input().getAttribute('aria-describedby')).toBe('f-note')
  })

  it('brings up the digit keyboard for amounts and numbers in H5, keeping what is typed readable', async () => {
    view = await render(<Field type="digit" />)
    expect(input().getAttribute('inputmode')).toBe('decimal')
    // type="number" would empty "1,200"; the amount check says what to fix instead.
    expect(input().getAttribute('type')).toBe('text')
    view.unmount()
    view = await render(<Field type="number" />)
    expect(input().getAttribute('inputmode')).toBe('numeric')
  })

  it('keeps the full keyboard for text', async () => {
    view = await render(<Field />)
    expect(input().getAttribute('inputmode')).toBeNull()
  })
})
