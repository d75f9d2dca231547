import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { renderStaff } from '@/test/render-staff'
import { FileButton, FilePicker } from './file-picker'

function Picker({ onChoose }: { onChoose: (files: File[]) => void }) {
  const [names, setNames] = useState<string[]>([])
  return (
    <FilePicker
      label="选择照片"
      accept="image/*"
      multiple
      chosen={names}
      onChoose={(files) => {
        onChoose(files)
        setNames(files.map((file) => file.name))
      }}
    />
  )
}

describe('FilePicker', () => {
  it('is reached with Tab, named by its label, and lists what was chosen', async () => {
    const user = userEvent.setup()
    const onChoose = vi.fn()
    renderStaff(<Picker onChoose={onChoose} />)
    const input = screen.getByLabelText('选择照片')
    expect(input).toHaveAccessibleDescription('还没有选择文件')
    await user.tab()
    expect(input).toHaveFocus()

    const photos = [
      new File(['a'], 'site.jpg', { type: 'image/jpeg' }),
      new File(['b'], 'receipt.png', { type: 'image/png' }),
    ]
    await user.upload(input, photos)
    expect(onChoose).toHaveBeenCalledWith(photos)
    expect(input).toHaveAccessibleDescription('已选择 2 个：site.jpg、receipt.png')
  })

  it('can be disabled while files go up', () => {
    renderStaff(<FilePicker label="选择照片" disabled onChoose={() => {}} />)
    expect(screen.getByLabelText('选择照片')).toBeDisabled()
  })
})

describe('FileButton', () => {
  it('is a kit button named by its label, hands over what was chosen, and can open the camera', async () => {
    const user = userEvent.setup()
    const onChoose = vi.fn()
    renderStaff(
      <FileButton label="拍照" accept="image/*" capture="environment" block onChoose={onChoose} />,
    )
    const input = screen.getByLabelText('拍照')
    expect(input).toHaveAttribute('capture', 'environment')
    expect(screen.getByText('拍照')).toHaveClass('gs-btn', 'gs-btn--secondary', 'gs-btn--block')
    const photo = new File(['a'], 'site.jpg', { type: 'image/jpeg' })
    await user.upload(input, photo)
    expect(onChoose).toHaveBeenCalledWith([photo])
  })
})
