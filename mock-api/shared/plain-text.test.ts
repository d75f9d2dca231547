import { describe, expect, it } from 'vitest'
import { hasVisibleCharacter, isPlainText } from './plain-text.js'

describe('isPlainText', () => {
  it.each([
    ['Chinese and punctuation', '营业执照办理太慢！'],
    ['line breaks and tabs', '第一行\n\t第二行\r\n第三行'],
    ['emoji and a family joined by ZWJ', '🏪 👨\u200d👩\u200d👧'],
    ['a CJK extension B character (a surrogate pair)', '𠀀'],
    ['nothing', ''],
  ])('accepts %s', (_, text) => {
    expect(isPlainText(text)).toBe(true)
  })

  it.each([
    ['NUL', 'a\u0000b'],
    ['an ANSI escape', '\u001b[31mred'],
    ['a bell', '\u0007'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u009bb'],
    ['a bare carriage return', 'a\rb'],
    ['a lone high surrogate', 'a\ud800b'],
    ['a lone low surrogate at the start', '\udc00ab'],
    ['a reversed pair', '\ude00\ud83d'],
  ])('refuses %s', (_, text) => {
    expect(isPlainText(text)).toBe(false)
  })
})

describe('hasVisibleCharacter', () => {
  it.each([
    ['zero-width characters', '\u200b\u200c\u200d\u2060\ufeff'],
    ['white space of every kind', ' \u3000\u00a0\n\t'],
    ['Hangul and Braille fillers', '\u3164\u115f\u1160\uffa0\u2800'],
    ['a lone combining mark', '\u0301'],
    ['bidi marks', '\u202e\u200f'],
  ])('finds none in %s', (_, text) => {
    expect(hasVisibleCharacter(text)).toBe(false)
  })

  it.each(['桂', 'a', '1', '。', '🏪', '\u200b桂\u200b'])('finds one in %j', (text) => {
    expect(hasVisibleCharacter(text)).toBe(true)
  })
})
