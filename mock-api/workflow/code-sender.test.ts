import { describe, expect, it } from 'vitest'
import { logCodeSender } from './code-sender.js'

describe('the development code sender', () => {
  it('writes one greppable info line with the masked phone and the code', async () => {
    const lines: { object: object; message: string }[] = []
    const sender = logCodeSender({ info: (object, message) => lines.push({ object, message }) })
    await sender.send('13800001234', '123456')
    expect(lines).toEqual([
      {
        object: { linkCode: '123456', phone: '138****1234' },
        message: '[link code] 138****1234 → 123456',
      },
    ])
  })
})
