import { describe, expect, it } from 'vitest'
import { isWindowCodeToken, parseCode } from './parse-code'

// The shape the server signs: base64url of a length byte, `<id>:<version>` and a 16-byte MAC.
const TOKEN = 'FnNwLW5hbm5pbmctY2VudGVyLTM6MGHk3LKzPZnX1dDHVr2s1Gc'

describe('parseCode', () => {
  it('reads the token from a window code link on any host', () => {
    for (const link of [
      `https://guishang.gxzf.gov.cn/q/${TOKEN}`,
      `http://localhost:4173/q/${TOKEN}`,
      `https://staging.example.com/q/${TOKEN}/`,
      `https://example.com/q/${TOKEN}?utm_source=poster#top`,
      `  https://example.com/q/${TOKEN}\n`,
    ]) {
      expect(parseCode(link)).toEqual({ kind: 'window', token: TOKEN })
    }
  })

  it('reads the token from a bare path', () => {
    expect(parseCode(`/q/${TOKEN}`)).toEqual({ kind: 'window', token: TOKEN })
    expect(parseCode(`/q/${TOKEN}?from=wechat`)).toEqual({ kind: 'window', token: TOKEN })
  })

  it('refuses anything that is not a window code', () => {
    for (const junk of [
      '',
      TOKEN,
      'hello',
      'PROBE-QR-12345',
      'WIFI:T:WPA;S:cafe;P:secret;;',
      `https://example.com/r/${TOKEN}`,
      `https://example.com/q/`,
      `https://example.com/q/${TOKEN}/extra`,
      `https://example.com/prefix/q/${TOKEN}`,
      `ftp://example.com/q/${TOKEN}`,
      `javascript:alert(1)//q/${TOKEN}`,
      `https://example.com/q/short`,
      `https://example.com/q/${TOKEN}.png`,
      `https://example.com/q/${TOKEN}%3Cscript%3E`,
      `https://example.com/q/${'A'.repeat(401)}`,
    ]) {
      expect(parseCode(junk), junk).toEqual({ kind: 'not-ours' })
    }
  })

  it('checks a token by its charset and length only', () => {
    expect(isWindowCodeToken(TOKEN)).toBe(true)
    expect(isWindowCodeToken('a'.repeat(16))).toBe(true)
    expect(isWindowCodeToken('a'.repeat(15))).toBe(false)
    expect(isWindowCodeToken(`${TOKEN}=`)).toBe(false)
    expect(isWindowCodeToken(`${TOKEN}+/`)).toBe(false)
  })

  it('opens an entity code and a receipt’s claim link as in-app paths', () => {
    expect(parseCode(`https://gx.example.cn/e/${TOKEN}`)).toEqual({
      kind: 'link',
      path: `/e/${TOKEN}`,
    })
    expect(parseCode('https://gx.example.cn/claim?number=GX2602130001&code=ABC234')).toEqual({
      kind: 'link',
      path: '/claim?number=GX2602130001&code=ABC234',
    })
    expect(parseCode('https://gx.example.cn/e/short')).toEqual({ kind: 'not-ours' })
  })
})
