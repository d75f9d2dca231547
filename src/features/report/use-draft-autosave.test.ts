import { act, renderHook } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { updateDraft, type DraftFields } from './drafts'
import { SAVE_MEASURE, useDraftAutosave, type SaveMeasureDetail } from './use-draft-autosave'

vi.mock('./drafts', () => ({ updateDraft: vi.fn() }))

const typed = (title: string): DraftFields => ({
  category: 'help',
  title,
  description: '',
  business: { name: '', creditCode: '', kind: null, creditCodeConfirmed: false },
  contact: { name: '', phone: '' },
  divisionCode: null,
  servicePointToken: null,
  servicePoint: null,
  confidential: false,
})

describe('useDraftAutosave', () => {
  const finishers: Array<(error?: Error) => void> = []

  beforeEach(() => {
    finishers.length = 0
    vi.mocked(updateDraft).mockReset()
    vi.mocked(updateDraft).mockImplementation(
      () =>
        new Promise<void>((resolve, reject) => {
          finishers.push((error) => (error ? reject(error) : resolve()))
        }),
    )
  })

  const finishWrite = (error?: Error) =>
    act(async () => {
      finishers.shift()?.(error)
      await Promise.resolve()
    })

  it('starts writing on the change itself, not after a typing pause', () => {
    const { result } = renderHook(() => useDraftAutosave('d1'))
    act(() => result.current.save(typed('停')))
    expect(updateDraft).toHaveBeenCalledExactlyOnceWith('d1', typed('停'))
    expect(result.current.saveState).toBe('saving')
  })

  it('writes changes made during a write right after it, latest first, one at a time', async () => {
    const { result } = renderHook(() => useDraftAutosave('d1'))
    act(() => result.current.save(typed('停')))
    act(() => {
      result.current.save(typed('停车'))
      result.current.save(typed('停车难'))
    })
    expect(updateDraft).toHaveBeenCalledTimes(1)

    await finishWrite()
    expect(updateDraft).toHaveBeenCalledTimes(2)
    expect(updateDraft).toHaveBeenLastCalledWith('d1', typed('停车难'))
    expect(result.current.saveState).toBe('saving')

    await finishWrite()
    expect(updateDraft).toHaveBeenCalledTimes(2)
    expect(result.current.saveState).toBe('saved')
  })

  it('says so when the phone refuses the write, and tries again on the next change', async () => {
    const { result } = renderHook(() => useDraftAutosave('d1'))
    act(() => result.current.save(typed('停')))
    await finishWrite(new Error('QuotaExceededError'))
    expect(result.current.saveState).toBe('failed')

    act(() => result.current.save(typed('停车')))
    expect(updateDraft).toHaveBeenLastCalledWith('d1', typed('停车'))
  })

  // The benches tell which write stored a keystroke by these measures (scripts/bench/form-ready
  // and draft-save): the first whose newest change is not older than the keystroke.
  it('measures each write from the oldest change it carries, naming the newest', async () => {
    const now = vi.spyOn(performance, 'now')
    const measures: { start: number; detail: SaveMeasureDetail }[] = []
    const measure = vi.spyOn(performance, 'measure').mockImplementation((name, options) => {
      if (name === SAVE_MEASURE && typeof options === 'object')
        measures.push({
          start: Number(options.start),
          detail: options.detail as SaveMeasureDetail,
        })
      return undefined as unknown as PerformanceMeasure
    })
    try {
      const { result } = renderHook(() => useDraftAutosave('d1'))
      now.mockReturnValue(100)
      act(() => result.current.save(typed('停')))
      now.mockReturnValue(200)
      act(() => result.current.save(typed('停车')))
      now.mockReturnValue(300)
      act(() => result.current.save(typed('停车难')))
      await finishWrite()
      await finishWrite()
      expect(measures).toEqual([
        { start: 100, detail: { lastChangeAt: 100 } },
        { start: 200, detail: { lastChangeAt: 300 } },
      ])
    } finally {
      now.mockRestore()
      measure.mockRestore()
    }
  })
})
