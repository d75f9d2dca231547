import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { compressPhoto } from '@/lib/compress-photo'
import { createDraft, getDraft } from '@/features/report/drafts'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import { paths } from '../paths'

// jsdom cannot decode or draw images; the real compression runs in the browser (e2e).
vi.mock(import('@/lib/compress-photo'), async (importOriginal) => ({
  ...(await importOriginal()),
  compressPhoto: vi.fn(),
}))

const picture = (name: string) => new File([name], name, { type: 'image/jpeg' })

// Ten photos go through IndexedDB one transaction each: 0.8 s on a quiet machine, over 5 s on
// 2 cores at load 10 (measured). The limit guards against a hang, not against slowness.
describe('draft screen: photos', { timeout: 15_000 }, () => {
  let urls = 0
  const revoked: string[] = []

  beforeAll(async () => {
    await import('./draft')
  })
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
    revoked.length = 0
    // Each test counts its own calls, whatever ran before it in this file.
    vi.mocked(compressPhoto).mockReset()
    vi.mocked(compressPhoto).mockImplementation(async (file) => ({
      blob: new Blob([await file.text()], { type: 'image/jpeg' }),
      width: 1600,
      height: 1200,
    }))
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: () => `blob:photo-${(urls += 1)}`,
        revokeObjectURL: (url: string) => revoked.push(url),
      }),
    )
  })
  afterEach(() => vi.unstubAllGlobals())

  it('adds photos from the gallery, up to nine, and removes one', async () => {
    const user = userEvent.setup()
    const id = await createDraft()
    renderRoute(paths.draft(id))

    const gallery = await screen.findByLabelText('从相册选择照片')
    expect(gallery).toHaveAttribute('accept', 'image/*')
    expect(screen.getByLabelText('拍照')).toHaveAttribute('capture', 'environment')
    await user.upload(
      gallery,
      Array.from({ length: 10 }, (_, n) => picture(`p${n + 1}`)),
    )

    // Nine photos, one IndexedDB transaction each: longer than findBy's default on a busy machine.
    expect(
      await screen.findByRole('img', { name: '第 9 张照片' }, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(screen.getByText('最多 9 张，有 1 张没有添加。')).toBeInTheDocument()
    expect(screen.queryByLabelText('从相册选择照片')).not.toBeInTheDocument()
    const stored = await getDraft(id)
    expect(stored?.photoIds).toHaveLength(9)
    expect(compressPhoto).toHaveBeenCalledTimes(9)

    await user.click(screen.getByRole('button', { name: '删除第 1 张照片' }))
    await waitFor(() =>
      expect(screen.queryByRole('img', { name: '第 9 张照片' })).not.toBeInTheDocument(),
    )
    expect(await db.photos.count()).toBe(8)
    expect((await getDraft(id))?.photoIds).toEqual(stored?.photoIds.slice(1))
    expect(revoked.length).toBeGreaterThan(0)
    expect(screen.getByLabelText('从相册选择照片')).toBeInTheDocument()
  })

  it('says so when a photo cannot be read, and keeps the others', async () => {
    const user = userEvent.setup()
    vi.mocked(compressPhoto).mockRejectedValueOnce(new Error('cannot decode HEIC'))
    const id = await createDraft()
    renderRoute(paths.draft(id))
    await user.upload(await screen.findByLabelText('从相册选择照片'), [picture('a'), picture('b')])
    expect(await screen.findByText('有照片没能读取，请换一张。')).toBeInTheDocument()
    expect((await getDraft(id))?.photoIds).toHaveLength(1)
  })

  it('revokes the thumbnails’ object URLs when the screen closes', async () => {
    const user = userEvent.setup()
    const id = await createDraft()
    const page = renderRoute(paths.draft(id))
    await user.upload(await screen.findByLabelText('拍照'), picture('a'))
    const thumbnail = await screen.findByRole('img', { name: '第 1 张照片' })
    await waitFor(() => expect(thumbnail.getAttribute('src')).toMatch(/^blob:/))
    const url = thumbnail.getAttribute('src')
    page.unmount()
    expect(revoked).toContain(url)
  })
})
