import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StaffServicePoint } from '../../../../mock-api/contract'
import { bodyOf, json, renderStaff } from '@/test/render-staff'
import { ServicePoints } from './service-points'

const POINT: StaffServicePoint = {
  id: 'sp-nanning-center-3',
  name: '南宁市政务服务中心 3号窗口',
  hall: '南宁市政务服务中心',
  window: '3号窗口',
  divisionCode: '450100',
  divisionName: '南宁市',
  cityCode: '450100',
  deskId: 'desk-450100',
  deskDivisionCode: '450100',
  deskName: '南宁市专席',
  link: 'http://localhost/q/token',
  shortCode: 'K7M3QX',
  shortLink: 'http://localhost/w/K7M3QX',
  createdAt: '2026-12-01T02:00:00.000Z',
  retiredAt: null,
}

describe('ServicePoints', () => {
  const fetchMock = vi.fn<typeof fetch>()
  beforeEach(() => {
    fetchMock.mockReset()
    fetchMock.mockResolvedValue(json(200, { servicePoints: [POINT] }))
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('opens on the list; the create form waits behind its button, after the list', async () => {
    renderStaff(<ServicePoints canManage />)
    const table = await screen.findByRole('table', { name: '服务网点（1）' })
    expect(within(table).getByRole('row', { name: /3号窗口/ })).toBeInTheDocument()
    expect(screen.queryByLabelText('政务服务中心（大厅）')).not.toBeInTheDocument()

    const open = screen.getByRole('button', { name: '新建服务网点' })
    expect(table.compareDocumentPosition(open) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    await userEvent.click(open)
    const hall = screen.getByLabelText('政务服务中心（大厅）')
    expect(hall).toHaveFocus()
    expect(table.compareDocumentPosition(hall) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('offers a reading clerk the list and the posters, and no form', async () => {
    renderStaff(<ServicePoints canManage={false} />)
    await screen.findByRole('table', { name: '服务网点（1）' })
    expect(screen.getByRole('link', { name: `打印海报：${POINT.name}` })).toHaveAttribute(
      'href',
      `/api/staff/service-points/${POINT.id}/poster`,
    )
    expect(screen.queryByRole('button', { name: '新建服务网点' })).not.toBeInTheDocument()
  })

  it('retires a point only after a dialog names what stops working', async () => {
    renderStaff(<ServicePoints canManage />)
    await userEvent.click(await screen.findByRole('button', { name: `停用“${POINT.name}”` }))
    const dialog = screen.getByRole('alertdialog', { name: `停用“${POINT.name}”？` })
    expect(dialog).toHaveAccessibleDescription(/已张贴的二维码将无法再使用/)
    await userEvent.click(within(dialog).getByRole('button', { name: '再想想' }))
    const posts = () => fetchMock.mock.calls.filter(([, init]) => init?.method === 'POST')
    expect(posts()).toEqual([])

    fetchMock.mockResolvedValue(json(200, { ...POINT, retiredAt: '2026-12-07T02:00:00.000Z' }))
    await userEvent.click(screen.getByRole('button', { name: `停用“${POINT.name}”` }))
    await userEvent.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: '停用' }),
    )
    expect(await screen.findByRole('status')).toHaveTextContent(
      `已停用“${POINT.name}”，其二维码不再有效。`,
    )
    expect(posts().map(([url, init]) => [url, bodyOf(init)])).toEqual([
      [`/api/staff/service-points/${POINT.id}/retire`, {}],
    ])
  })
})
