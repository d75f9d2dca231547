import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { logSmsDriver } from './log-sms-driver.js'

const folders: string[] = []
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('the log SMS driver', () => {
  it('appends one JSON line per message to sms.jsonl and logs the phone masked', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'guishang-sms-'))
    folders.push(dataDir)
    const lines: string[] = []
    const driver = logSmsDriver(dataDir, { info: (_, message) => lines.push(message) })
    const at = new Date('2026-02-13T02:00:00.000Z')
    const base = { kind: 'accepted' as const, vars: {}, at }
    await driver.send({ ...base, to: '13800001234', text: '第一条', ticketId: 't1' })
    await driver.send({ ...base, to: '13900005678', text: '第二条', ticketId: null })
    const written = readFileSync(join(dataDir, 'sms.jsonl'), 'utf8').trim().split('\n')
    expect(written.map((line) => JSON.parse(line) as unknown)).toEqual([
      {
        at: at.toISOString(),
        to: '13800001234',
        text: '第一条',
        event: 'accepted',
        ticketId: 't1',
      },
      {
        at: at.toISOString(),
        to: '13900005678',
        text: '第二条',
        event: 'accepted',
        ticketId: null,
      },
    ])
    expect(lines).toEqual(['[sms] 138****1234', '[sms] 139****5678'])
  })
})
