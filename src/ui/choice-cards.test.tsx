import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { renderStaff } from '@/test/render-staff'
import { ChoiceCards } from './choice-cards'

const CHOICES = [
  { value: 'help', label: '求助', hint: '办事遇到困难', note: '5 个工作日内办结' },
  { value: 'complaint', label: '投诉', hint: '对办事结果不满' },
  { value: 'consultation', label: '咨询', hint: '问政策' },
] as const
type Value = (typeof CHOICES)[number]['value']

function Picker({ error }: { error?: string }) {
  const [value, setValue] = useState<Value | null>(null)
  return (
    <>
      <ChoiceCards
        legend="反映类型"
        choices={CHOICES}
        value={value}
        onChange={setValue}
        error={error}
      />
      <output>{value ?? 'none'}</output>
    </>
  )
}

describe('ChoiceCards', () => {
  it('is a named radiogroup whose cards are radios with their hints', () => {
    renderStaff(<Picker />)
    const group = screen.getByRole('radiogroup', { name: '反映类型' })
    expect(group).toBeInTheDocument()
    expect(screen.getAllByRole('radio')).toHaveLength(3)
    expect(
      screen.getByRole('radio', { name: /求助.*办事遇到困难.*5 个工作日内办结/ }),
    ).not.toBeChecked()
  })

  it('chooses by tapping the card, and by arrow keys once inside the group', async () => {
    const user = userEvent.setup()
    renderStaff(<Picker />)
    await user.click(screen.getByText('投诉'))
    expect(screen.getByRole('radio', { name: /投诉/ })).toBeChecked()
    expect(screen.getByRole('status')).toHaveTextContent('complaint')

    await user.keyboard('{ArrowDown}')
    expect(screen.getByRole('radio', { name: /咨询/ })).toBeChecked()
    expect(screen.getByRole('radio', { name: /咨询/ })).toHaveFocus()
    expect(screen.getByRole('status')).toHaveTextContent('consultation')
  })

  it('marks the group invalid and says why', () => {
    renderStaff(<Picker error="请选择反映类型" />)
    const group = screen.getByRole('radiogroup', { name: '反映类型' })
    expect(group).toHaveAttribute('aria-invalid', 'true')
    expect(group).toHaveAccessibleDescription('请选择反映类型')
  })
})
