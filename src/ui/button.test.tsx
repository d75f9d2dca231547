import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderStaff } from '@/test/render-staff'
import { Button, buttonClass } from './button'

describe('Button', () => {
  it('is a plain button (not a submit) in the primary style unless told otherwise', () => {
    renderStaff(<Button>受理</Button>)
    const button = screen.getByRole('button', { name: '受理' })
    expect(button).toHaveAttribute('type', 'button')
    expect(button).toHaveClass('gs-btn', 'gs-btn--primary', 'gs-btn--medium')
  })

  it('wears the danger style for destructive actions, full width when block', () => {
    renderStaff(
      <Button variant="danger" block>
        不予受理
      </Button>,
    )
    expect(screen.getByRole('button', { name: '不予受理' })).toHaveClass(
      'gs-btn--danger',
      'gs-btn--block',
    )
  })

  it('while loading is disabled, busy, says so, and ignores clicks', async () => {
    const onClick = vi.fn()
    renderStaff(
      <Button loading loadingText="正在发送…" onClick={onClick}>
        发送
      </Button>,
    )
    const button = screen.getByRole('button', { name: '正在发送…' })
    expect(button).toBeDisabled()
    expect(button).toHaveAttribute('aria-busy', 'true')
    await userEvent.click(button)
    expect(onClick).not.toHaveBeenCalled()
  })

  it('gives a link the same look', () => {
    expect(buttonClass({ variant: 'secondary', block: true })).toBe(
      'gs-btn gs-btn--secondary gs-btn--medium gs-btn--block',
    )
  })
})
