import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { readCodeFromImage, startCamera, type CameraSession } from '@/features/scan/camera'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import { paths } from '../paths'

vi.mock('@/features/scan/camera', () => ({ startCamera: vi.fn(), readCodeFromImage: vi.fn() }))

const TOKEN = 'FnNwLW5hbm5pbmctY2VudGVyLTM6MGHk3LKzPZnX1dDHVr2s1Gc'
const session = (hasTorch = false): CameraSession => ({
  hasTorch,
  setTorch: vi.fn(() => Promise.resolve()),
  stop: vi.fn(() => Promise.resolve()),
})

/** Opens the scan screen with a camera that decodes `texts`, one after the other. */
async function scanScreen(texts: string[] = [], opened: CameraSession = session()) {
  vi.mocked(startCamera).mockImplementation((_host, onText) => {
    setTimeout(() => texts.forEach(onText), 0)
    return Promise.resolve(opened)
  })
  const view = renderRoute(paths.scan())
  await screen.findByRole('heading', { level: 1, name: '扫码反映' })
  return view
}

describe('scan screen', () => {
  beforeAll(async () => {
    await Promise.all([import('./scan'), import('./code'), import('./draft')])
  })
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
    vi.mocked(startCamera).mockReset()
    vi.mocked(readCodeFromImage).mockReset()
    // The draft's code check is not what this suite is about.
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => undefined)),
    )
  })
  afterEach(() => vi.unstubAllGlobals())

  it('opens the camera at once, and a window code opens a new draft carrying its token', async () => {
    const { router } = await scanScreen(['PROBE-QR-12345', `https://guishang.example/q/${TOKEN}`])
    // Without a tap: the camera opens in an effect, which React may run just after the heading shows.
    await waitFor(() => expect(startCamera).toHaveBeenCalledOnce())

    await screen.findByLabelText('标题')
    expect(startCamera).toHaveBeenCalledOnce()
    const [draft] = await db.drafts.toArray()
    expect(draft?.servicePointToken).toBe(TOKEN)
    expect(router.state.location.pathname).toBe(paths.draft(draft?.id ?? ''))
    expect(router.state.historyAction).toBe('REPLACE')
  })

  it('shows what another code says and keeps scanning', async () => {
    const { router } = await scanScreen(['WIFI:T:WPA;S:cafe;P:secret;;'])
    expect(
      await screen.findByText('这不是桂商码。请扫描办事窗口张贴的桂商码。'),
    ).toBeInTheDocument()
    expect(screen.getByText('识别到的内容：WIFI:T:WPA;S:cafe;P:secret;;')).toBeInTheDocument()
    expect(router.state.location.pathname).toBe(paths.scan())
    expect(await db.drafts.count()).toBe(0)
  })

  it('explains a denied permission and opens the camera again on request', async () => {
    const user = userEvent.setup()
    vi.mocked(startCamera).mockRejectedValueOnce(
      'Error getting userMedia, error = NotAllowedError: Permission denied',
    )
    vi.mocked(startCamera).mockResolvedValueOnce(session())
    renderRoute(paths.scan())

    expect(await screen.findByRole('alert')).toHaveTextContent(/没有相机权限/)
    await user.click(screen.getByRole('button', { name: '再试一次' }))
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
    expect(startCamera).toHaveBeenCalledTimes(2)
  })

  it('explains a device without a camera', async () => {
    vi.mocked(startCamera).mockRejectedValue(
      new DOMException('Requested device not found', 'NotFoundError'),
    )
    renderRoute(paths.scan())
    expect(await screen.findByRole('alert')).toHaveTextContent('没有找到可用的相机')
  })

  it('without getUserMedia (an in-app browser), offers the gallery and reporting without a code', async () => {
    vi.mocked(startCamera).mockRejectedValue('Camera streaming not supported by the browser.')
    renderRoute(paths.scan())
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '这个浏览器不能在网页里打开相机。可以从相册选择桂商码的照片，或者无码反映。',
    )
    expect(screen.getByLabelText('从相册选择')).toBeEnabled()
    expect(screen.getByRole('link', { name: '无码反映' })).toHaveAttribute('href', paths.newDraft())
  })

  it('offers the torch where the camera has one', async () => {
    const user = userEvent.setup()
    const opened = session(true)
    await scanScreen([], opened)
    const torch = await screen.findByRole('button', { name: '手电筒' })
    expect(torch).toHaveAttribute('aria-pressed', 'false')
    await user.click(torch)
    expect(opened.setTorch).toHaveBeenCalledWith(true)
    expect(torch).toHaveAttribute('aria-pressed', 'true')
  })

  it('reads a code from a photo chosen from the gallery', async () => {
    const user = userEvent.setup()
    await scanScreen()
    vi.mocked(readCodeFromImage).mockRejectedValueOnce(
      'No MultiFormat Readers were able to detect the code.',
    )
    const picture = new File(['png'], 'code.png', { type: 'image/png' })

    await user.upload(screen.getByLabelText('从相册选择'), picture)
    expect(await screen.findByText('这张图片里没有找到二维码。')).toBeInTheDocument()

    vi.mocked(readCodeFromImage).mockResolvedValueOnce(`http://localhost:4173/q/${TOKEN}`)
    await user.upload(screen.getByLabelText('从相册选择'), picture)
    await screen.findByLabelText('标题')
    expect((await db.drafts.toArray())[0]?.servicePointToken).toBe(TOKEN)
    expect(vi.mocked(readCodeFromImage).mock.calls[1]?.[0]).toBe(picture)
  })

  it('stops the camera when the screen closes', async () => {
    const opened = session()
    const view = await scanScreen([], opened)
    await waitFor(() => expect(startCamera).toHaveBeenCalled())
    await Promise.resolve()
    view.unmount()
    await waitFor(() => expect(opened.stop).toHaveBeenCalled())
  })
})
