import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { I18nProvider } from '@/lib/i18n-react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enqueue } from '@/features/sync/outbox'
import { compressPhoto } from '@/lib/compress-photo'
import { db } from '@/lib/db'
import { createI18n } from '@/lib/i18n'
import { MaterialForm } from './material-form'

// jsdom cannot decode or draw images: the compressor stands in here, and the real one runs in
// the browser (e2e/tickets-material.spec.ts checks the stored photo's size).
vi.mock(import('@/lib/compress-photo'), async (importOriginal) => ({
  ...(await importOriginal()),
  compressPhoto: vi.fn(),
}))
// IndexedDB in jsdom cannot keep a Blob, so what the form queues is read at the outbox's door.
vi.mock(import('@/features/sync/outbox'), async (importOriginal) => {
  const actual = await importOriginal()
  return { ...actual, enqueue: vi.fn(actual.enqueue) }
})

const TICKET_ID = '00000000-0000-4000-8000-000000000001'
const COMPRESSED = new Blob([new Uint8Array(300_000)], { type: 'image/jpeg' })

function renderForm() {
  render(
    <I18nProvider i18n={createI18n()}>
      <MaterialForm ticketId={TICKET_ID} />
    </I18nProvider>,
  )
}

describe('adding material', () => {
  afterEach(() => vi.restoreAllMocks())
  beforeEach(async () => {
    await db.outbox.clear()
    vi.mocked(enqueue).mockClear()
    vi.mocked(compressPhoto).mockImplementation((file) =>
      file.size === 0
        ? Promise.reject(new Error('unreadable'))
        : Promise.resolve({ blob: COMPRESSED, width: 1600, height: 1200 }),
    )
  })

  it('puts the text and the photos compressed on the phone into the outbox', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const user = userEvent.setup()
    renderForm()
    // Offline, said by the button before the tap, as the draft form does; then in its place.
    const promise = '现在没有网络也可以提交：补充材料先保存在这部手机上，联网后自动发送。'
    expect(screen.getByText(promise)).toBeVisible()
    const photo = new File([new Uint8Array(6_000_000)], 'IMG_0001.jpg', { type: 'image/jpeg' })
    await user.type(screen.getByLabelText('补充说明'), '门口围挡的照片')
    await user.upload(screen.getByLabelText('添加照片'), photo)
    await user.click(screen.getByRole('button', { name: '提交补充材料' }))
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('补充材料已保存，联网后自动发送。'),
    )
    expect(screen.queryByText(promise)).not.toBeInTheDocument()

    const queued = vi.mocked(enqueue).mock.calls.map(([item]) => item)
    expect(queued.map((item) => item.path)).toEqual([
      `/tickets/${TICKET_ID}/materials`,
      `/tickets/${TICKET_ID}/attachments`,
    ])
    expect(compressPhoto).toHaveBeenCalledWith(photo)
    const body = queued[1]?.body
    const file = body?.kind === 'multipart' ? body.files.file : undefined
    expect(file).toBe(COMPRESSED)
    expect(file?.size).toBeLessThan(photo.size)
  })

  it('leaves out a photo it cannot read, and says so', async () => {
    const user = userEvent.setup()
    renderForm()
    const unreadable = new File([], 'broken.heic', { type: 'image/heic' })
    const readable = new File([new Uint8Array(10)], 'ok.jpg', { type: 'image/jpeg' })
    await user.upload(screen.getByLabelText('添加照片'), [unreadable, readable])
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('有照片无法读取，已略过。'),
    )
    await user.click(screen.getByRole('button', { name: '提交补充材料' }))
    await screen.findByText('补充材料正在发送…')
    expect(await db.outbox.count()).toBe(1)
  })

  it('online, says it is sending while it waits, and delivered once the outbox has sent it', async () => {
    const user = userEvent.setup()
    renderForm()
    expect(screen.queryByText(/现在没有网络/)).not.toBeInTheDocument()
    await user.type(screen.getByLabelText('补充说明'), '营业执照复印件已备好')
    await user.click(screen.getByRole('button', { name: '提交补充材料' }))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('补充材料正在发送…'))
    await db.outbox.clear()
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('补充材料已送达，已记入办理过程。'),
    )
  })
})
