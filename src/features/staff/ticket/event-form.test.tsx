import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderStaff } from '@/test/render-staff'
import { EventForm } from './event-form'

describe('the unit’s reply form', () => {
  // Issue 17: "请填写这一项" stayed under the reply after the text was entered.
  it('drops "请填写这一项" once the reply is typed, and sends the reply', async () => {
    const user = userEvent.setup()
    const onSubmit = vi.fn()
    renderStaff(
      <EventForm type="reply" isPending={false} onSubmit={onSubmit} onCancel={() => {}} />,
    )
    await user.click(screen.getByRole('button', { name: '确认提交答复' }))
    const reply = screen.getByRole('textbox', { name: '答复内容' })
    expect(reply).toHaveAttribute('aria-invalid', 'true')
    expect(screen.getByText('请填写这一项')).toBeInTheDocument()

    await user.type(reply, '已现场核实，营业执照已办结。')
    expect(screen.queryByText('请填写这一项')).toBeNull()
    expect(reply).not.toHaveAttribute('aria-invalid')

    await user.click(screen.getByRole('button', { name: '确认提交答复' }))
    expect(onSubmit).toHaveBeenCalledWith({ type: 'reply', reply: '已现场核实，营业执照已办结。' })
  })

  it('confirms a destructive action with a red button', () => {
    renderStaff(
      <EventForm type="terminate" isPending={false} onSubmit={() => {}} onCancel={() => {}} />,
    )
    expect(screen.getByRole('button', { name: '确认终结办理' })).toHaveClass('gs-btn--danger')
  })
})
