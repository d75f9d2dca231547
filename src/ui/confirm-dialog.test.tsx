import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { renderStaff } from '@/test/render-staff'
import { ConfirmDialog } from './confirm-dialog'

function Terminate({ onConfirm }: { onConfirm: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        终结办理
      </button>
      <ConfirmDialog
        open={open}
        title="终结办理这件反映？"
        consequence="工单就此结束，反映人会收到终结告知，不能再补充材料。"
        confirmLabel="终结办理"
        onConfirm={() => {
          onConfirm()
          setOpen(false)
        }}
        onCancel={() => setOpen(false)}
      />
    </>
  )
}

describe('ConfirmDialog', () => {
  it('names the consequence, starts on cancel, and confirms in the danger style', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    renderStaff(<Terminate onConfirm={onConfirm} />)
    await user.click(screen.getByRole('button', { name: '终结办理' }))
    const dialog = screen.getByRole('alertdialog', { name: '终结办理这件反映？' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    expect(dialog).toHaveAccessibleDescription(
      '工单就此结束，反映人会收到终结告知，不能再补充材料。',
    )
    expect(screen.getByRole('button', { name: '再想想' })).toHaveFocus()
    const confirm = screen.getAllByRole('button', { name: '终结办理' }).at(-1)!
    expect(confirm).toHaveClass('gs-btn--danger')
    await user.click(confirm)
    expect(onConfirm).toHaveBeenCalledOnce()
    expect(screen.queryByRole('alertdialog')).toBeNull()
  })

  it('keeps Tab inside, cancels on Escape and gives focus back', async () => {
    const user = userEvent.setup()
    const onConfirm = vi.fn()
    renderStaff(<Terminate onConfirm={onConfirm} />)
    const opener = screen.getByRole('button', { name: '终结办理' })
    await user.click(opener)
    await user.tab()
    await user.tab()
    expect(screen.getByRole('button', { name: '再想想' })).toHaveFocus()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('alertdialog')).toBeNull()
    expect(onConfirm).not.toHaveBeenCalled()
    expect(opener).toHaveFocus()
  })
})
