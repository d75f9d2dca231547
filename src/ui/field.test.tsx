import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState, type FormEvent } from 'react'
import { describe, expect, it } from 'vitest'
import { renderStaff } from '@/test/render-staff'
import { TextArea, TextField, useFieldErrors } from './field'

/** A one-field form as the screens build them: errors on submit, cleared by editing. */
function ReplyForm() {
  const [text, setText] = useState('')
  const { errors, show, clear } = useFieldErrors<'text'>()
  const submit = (event: FormEvent) => {
    event.preventDefault()
    show(text.trim() === '' ? { text: '请填写这一项' } : {})
  }
  return (
    <form onSubmit={submit} noValidate>
      <TextArea
        label="答复内容"
        hint="写明办理结果"
        value={text}
        error={errors.text}
        onChange={(value) => {
          setText(value)
          clear('text')
        }}
      />
      <button type="submit">提交</button>
    </form>
  )
}

describe('TextField and TextArea', () => {
  it('is a labelled input with the attributes it is given', () => {
    renderStaff(<TextField label="统一社会信用代码" value="" onChange={() => {}} maxLength={18} />)
    expect(screen.getByRole('textbox', { name: '统一社会信用代码' })).toHaveAttribute(
      'maxlength',
      '18',
    )
  })

  it('ties its label and hint to the control', () => {
    renderStaff(<ReplyForm />)
    const box = screen.getByRole('textbox', { name: '答复内容' })
    expect(box).toHaveAccessibleDescription('写明办理结果')
    expect(box).not.toHaveAttribute('aria-invalid')
  })

  it('shows the error after a submit and drops it once the text is entered', async () => {
    const user = userEvent.setup()
    renderStaff(<ReplyForm />)
    await user.click(screen.getByRole('button', { name: '提交' }))
    const box = screen.getByRole('textbox', { name: '答复内容' })
    expect(box).toHaveAttribute('aria-invalid', 'true')
    expect(box).toHaveAccessibleDescription('写明办理结果 请填写这一项')

    await user.type(box, '已现场核实并整改')
    expect(screen.queryByText('请填写这一项')).toBeNull()
    expect(box).not.toHaveAttribute('aria-invalid')

    // Emptied and submitted again: the error is back.
    await user.clear(box)
    await user.click(screen.getByRole('button', { name: '提交' }))
    expect(screen.getByText('请填写这一项')).toBeInTheDocument()
  })
})
