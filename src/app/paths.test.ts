import { describe, expect, it } from 'vitest'
import { parentPath, paths } from './paths'

describe('paths', () => {
  it('builds draft and ticket URLs with the id escaped', () => {
    expect(paths.draft('a b')).toBe('/drafts/a%20b')
    expect(paths.ticket('T-1/2')).toBe('/tickets/T-1%2F2')
  })

  it('finds the screen one level up', () => {
    expect(parentPath(paths.draft('abc'))).toBe('/drafts')
    expect(parentPath(paths.ticket('abc'))).toBe('/tickets')
    expect(parentPath(paths.scan())).toBe('/')
    expect(parentPath('/drafts/')).toBe('/')
  })
})
