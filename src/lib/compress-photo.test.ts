import { describe, expect, it } from 'vitest'
import { fitWithin, PHOTO_MAX_SIDE } from './compress-photo'

// jsdom has no canvas or image decoding, so the JPEG encoding itself (and that the result has
// no EXIF) is checked in a real browser (e2e); the size rule is checked here.
describe('fitWithin', () => {
  it('scales the long side down to 1600 px and keeps the aspect ratio', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 })
    expect(fitWithin(4000, 1000)).toEqual({ width: 1600, height: 400 })
  })

  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 })
    expect(fitWithin(PHOTO_MAX_SIDE, 10)).toEqual({ width: PHOTO_MAX_SIDE, height: 10 })
  })

  it('rounds to whole pixels and never to zero', () => {
    expect(fitWithin(4999, 3001)).toEqual({ width: 1600, height: 961 })
    expect(fitWithin(100_000, 10)).toEqual({ width: 1600, height: 1 })
  })
})
