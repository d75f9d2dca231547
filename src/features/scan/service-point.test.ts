import { describe, expect, it } from 'vitest'
import { servicePointSchema } from '../../../mock-api/contract'
import { SERVICE_POINT_FIELDS, readServicePoint } from './service-point'

const POINT = {
  id: 'sp-nanning-center-3',
  name: '南宁市政务服务中心 3号窗口',
  hall: '南宁市政务服务中心',
  window: '3号窗口',
  divisionCode: '450100',
  divisionName: '南宁市',
  cityCode: '450100',
  deskId: 'desk-450100',
  deskDivisionCode: '450100',
  deskName: '南宁市 12345 受理台',
}

const parses = (body: unknown) => {
  try {
    return { ok: true, value: servicePointSchema.parse(body) } as const
  } catch {
    return { ok: false } as const
  }
}
const reads = (body: unknown) => {
  try {
    return { ok: true, value: readServicePoint(body) } as const
  } catch {
    return { ok: false } as const
  }
}

describe('readServicePoint, the code check’s reader without zod', () => {
  it('reads the fields the contract’s schema names, no more and no fewer', () => {
    expect([...SERVICE_POINT_FIELDS].sort()).toEqual(Object.keys(servicePointSchema.shape).sort())
  })

  const withoutName = Object.fromEntries(Object.entries(POINT).filter(([key]) => key !== 'name'))
  it.each([
    ['a service point', POINT],
    ['one with a field the app does not know (dropped)', { ...POINT, extra: 'x' }],
    ['one without its name', withoutName],
    ['one whose window is a number', { ...POINT, window: 3 }],
    ['one whose desk is null', { ...POINT, deskId: null }],
    ['null', null],
    ['a string', 'sp-nanning-center-3'],
    ['an array', [POINT]],
  ])('gives what servicePointSchema gives for %s', (_label, body) => {
    expect(reads(body)).toEqual(parses(body))
  })

  it('keeps a valid answer as the schema does', () => {
    expect(readServicePoint({ ...POINT, extra: 'x' })).toEqual(POINT)
  })
})
