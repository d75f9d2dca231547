import { describe, expect, it } from 'vitest'
import { cameraProblemOf } from './camera-problem'

describe('cameraProblemOf', () => {
  it('reads the reason from html5-qrcode strings and from DOMExceptions', () => {
    expect(
      cameraProblemOf('Error getting userMedia, error = NotAllowedError: Permission denied'),
    ).toBe('denied')
    expect(cameraProblemOf(new DOMException('Permission denied', 'NotAllowedError'))).toBe('denied')
    expect(cameraProblemOf(new DOMException('Requested device not found', 'NotFoundError'))).toBe(
      'no-camera',
    )
    expect(cameraProblemOf('Error getting userMedia, error = OverconstrainedError: ')).toBe(
      'no-camera',
    )
    expect(cameraProblemOf('Camera streaming not supported by the browser.')).toBe('unsupported')
    expect(
      cameraProblemOf(new DOMException('Could not start video source', 'NotReadableError')),
    ).toBe('failed')
    expect(cameraProblemOf(undefined)).toBe('failed')
  })
})
