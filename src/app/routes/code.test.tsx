import { onlineManager } from '@tanstack/react-query'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getDraft } from '@/features/report/drafts'
import { db } from '@/lib/db'
import { renderRoute } from '@/test/render'
import type { ServicePoint } from '../../../mock-api/contract'
import { paths } from '../paths'

const TOKEN = 'FnNwLW5hbm5pbmctY2VudGVyLTM6MGHk3LKzPZnX1dDHVr2s1Gc'
const POINT: ServicePoint = {
  id: 'sp-nanning-center-3',
  name: '南宁市政务服务中心 3号窗口',
  hall: '南宁市政务服务中心',
  window: '3号窗口',
  divisionCode: '450103',
  divisionName: '青秀区',
  cityCode: '450100',
  deskId: 'desk-450100',
  deskDivisionCode: '450100',
  deskName: '南宁市专席',
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  })
const problem = (status: number, code: string) =>
  json(status, { type: `urn:guishang:problem:${code}`, title: code, status })

async function openDeepLink() {
  const view = renderRoute(paths.code(TOKEN))
  await screen.findByLabelText('标题')
  // The form's lower part (where it goes, business, contact, submit) comes a frame after its top
  // (draft-form.tsx, useIsPastFirstCommit).
  await screen.findByRole('button', { name: '提交反映' })
  const [draft] = await db.drafts.toArray()
  if (!draft) throw new Error('no draft was created')
  return { ...view, draftId: draft.id }
}

describe('a window code link (/q/<token>)', () => {
  const fetchMock = vi.fn<typeof fetch>()

  beforeAll(async () => {
    await Promise.all([import('./code'), import('./draft')])
  })
  beforeEach(async () => {
    await Promise.all(db.tables.map((table) => table.clear()))
    fetchMock.mockReset()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
    onlineManager.setOnline(true)
  })

  it('opens a new draft carrying the token, in place of the link, and fills in the window', async () => {
    fetchMock.mockResolvedValue(json(200, POINT))
    const { router, draftId } = await openDeepLink()

    expect(router.state.location.pathname).toBe(paths.draft(draftId))
    expect(router.state.historyAction).toBe('REPLACE')
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`/api/codes/${TOKEN}`)
    expect(await screen.findByText('来自窗口码：南宁市政务服务中心 3号窗口')).toBeInTheDocument()
    expect(screen.getByText('所在地区：南宁市 青秀区')).toBeInTheDocument()
    await waitFor(async () =>
      expect(await getDraft(draftId)).toMatchObject({
        servicePointToken: TOKEN,
        servicePoint: { id: POINT.id, name: POINT.name, divisionCode: '450103' },
        divisionCode: '450103',
      }),
    )
  })

  it('keeps the token offline and says it will be checked once online', async () => {
    // The app is opened with no network: the query client learns it from the browser.
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    fetchMock.mockResolvedValue(json(200, POINT))
    const { draftId } = await openDeepLink()

    expect(await screen.findByText(/窗口码将在联网后核验/)).toBeInTheDocument()
    expect(fetchMock).not.toHaveBeenCalled()
    expect((await getDraft(draftId))?.servicePointToken).toBe(TOKEN)

    onLine.mockRestore()
    onlineManager.setOnline(true)
    expect(await screen.findByText('来自窗口码：南宁市政务服务中心 3号窗口')).toBeInTheDocument()
  })

  it.each([
    [404, 'unknown_code', '无法识别的桂商码。请手动选择所在城市和区县。'],
    [410, 'retired_code', '这个窗口码已停用。请手动选择所在城市和区县。'],
  ])('explains a %i code and offers the city and county instead', async (status, code, text) => {
    const user = userEvent.setup()
    fetchMock.mockResolvedValue(problem(status, code))
    const { draftId } = await openDeepLink()

    const warning = await screen.findByText(text)
    // Issue 17: said at the top, before the first field, not two screens down by the city.
    const firstField = screen.getByRole('radiogroup', { name: /反映类别/ })
    expect(
      warning.compareDocumentPosition(firstField) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy()
    expect(screen.getByText('窗口码无效，已改为手动选择：')).toBeInTheDocument()
    await waitFor(async () => expect((await getDraft(draftId))?.servicePointToken).toBeNull())
    expect(fetchMock).toHaveBeenCalledTimes(1)

    await user.selectOptions(screen.getByLabelText('所在城市'), '柳州市')
    await user.selectOptions(screen.getByLabelText('区县（可不选）'), '柳南区')
    await waitFor(async () => expect((await getDraft(draftId))?.divisionCode).toBe('450204'))
  })

  it('lets the owner set a checked window aside and choose the area by hand', async () => {
    const user = userEvent.setup()
    fetchMock.mockResolvedValue(json(200, POINT))
    const { draftId } = await openDeepLink()
    await user.click(await screen.findByRole('button', { name: '改为手动选择地区' }))

    expect(screen.getByLabelText('所在城市')).toHaveValue('450100')
    expect(screen.getByLabelText('区县（可不选）')).toHaveValue('450103')
    await waitFor(async () =>
      expect(await getDraft(draftId)).toMatchObject({
        servicePointToken: null,
        servicePoint: null,
      }),
    )
  })

  it('refuses a link that cannot be a window code, and offers to report without one', async () => {
    renderRoute('/q/not%20a%20token')
    expect(await screen.findByText('这个链接不是有效的桂商码。')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '无码反映' })).toHaveAttribute('href', paths.newDraft())
    expect(await db.drafts.count()).toBe(0)
  })

  it('takes a short code typed from the poster (/w/<code>) to a draft with its window', async () => {
    fetchMock.mockImplementation((input) =>
      Promise.resolve(
        input === '/api/short-codes/K7M3QX' ? json(200, { token: TOKEN }) : json(200, POINT),
      ),
    )
    const { router } = renderRoute('/w/k7m-3qx')
    expect(await screen.findByText('来自窗口码：南宁市政务服务中心 3号窗口')).toBeInTheDocument()
    const [draft] = await db.drafts.toArray()
    expect(draft?.servicePointToken).toBe(TOKEN)
    expect(router.state.location.pathname).toBe(paths.draft(draft?.id ?? ''))
  })

  it('says a short code the server does not know is not ours, and keeps no draft', async () => {
    fetchMock.mockResolvedValue(problem(404, 'unknown_short_code'))
    renderRoute('/w/ZZZZZZ')
    expect(await screen.findByText('这个链接不是有效的桂商码。')).toBeInTheDocument()
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/short-codes/ZZZZZZ')
    expect(await db.drafts.count()).toBe(0)
  })
})
