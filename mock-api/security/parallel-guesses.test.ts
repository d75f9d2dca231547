// Guesses sent all at once: every limit on a secret (a staff password, a receipt's code, a link
// code) must hold when the attempts arrive together, not only one after another. Each test sends
// a burst of wrong guesses with the right one last: the limit must have refused it, and no more
// attempts than the limit allows may have been checked at all.
import { randomInt } from 'node:crypto'
import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { STAFF_PASSWORD } from '../test/staff-fixtures.js'
import { LINK_CODE_ATTEMPTS } from '../workflow/device-link.js'
import { RECEIPT_RULES, SIGN_IN_RULES } from '../workflow/guess-limits.js'
import type { World } from './fixture-world.js'
import { buildWorld } from './fixture-world.js'
import { outstandingCode } from './rate-limit-cases.js'

const BURST = 60
let addresses = 0
const freshAddress = () => `10.77.${Math.floor(++addresses / 250)}.${(addresses % 250) + 1}`

/** How many of the answers came from checking the secret (anything but a 429). */
const checked = (answers: readonly LightMyRequestResponse[]) =>
  answers.filter((res) => res.statusCode !== 429).length

describe.each(databases)('parallel guesses on $name', (database) => {
  const store = useStore(database)
  let w: World
  beforeAll(async () => {
    w = await buildWorld(store())
  })
  afterAll(() => w.app.close())

  const signIn = (username: string, password: string, remoteAddress: string) =>
    w.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      remoteAddress,
      payload: { username, password },
    })

  // Every wrong guess costs a password hash: a burst takes seconds on a busy machine.
  const SLOW = { timeout: 120_000 }

  it('stops a burst of sign-ins at one account from one address', SLOW, async () => {
    const address = freshAddress()
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        signIn('office.liuzhou', i === BURST - 1 ? STAFF_PASSWORD : `wrong-${i}`, address),
      ),
    )
    expect(answers.at(-1)?.statusCode, answers.at(-1)?.body).toBe(429)
    expect(checked(answers)).toBeLessThanOrEqual(SIGN_IN_RULES.pair.limit)
  })

  it('stops a burst of sign-ins at one account from many addresses', SLOW, async () => {
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        signIn('unit.liuzhou.amr', i === BURST - 1 ? STAFF_PASSWORD : `wrong-${i}`, freshAddress()),
      ),
    )
    expect(answers.at(-1)?.statusCode, answers.at(-1)?.body).toBe(429)
    expect(checked(answers)).toBeLessThanOrEqual(SIGN_IN_RULES.username.limit)
  })

  it('stops a burst of receipt codes at one number, from one address or many', async () => {
    for (const [label, addressOf, limit] of [
      ['one address', () => '10.78.0.1', RECEIPT_RULES.pair.limit],
      ['many addresses', freshAddress, RECEIPT_RULES.number.limit],
    ] as const) {
      const ticket = w.tickets[label === 'one address' ? 'submitted' : 'replied']
      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) => {
          const code = i === BURST - 1 ? ticket.code : `W${String(i).padStart(5, '0')}`
          return w.app.inject({
            url: `/api/receipts/${ticket.number}?code=${code}`,
            remoteAddress: addressOf(),
          })
        }),
      )
      expect(answers.at(-1)?.statusCode, `${label}: ${answers.at(-1)?.body}`).toBe(429)
      expect(checked(answers), label).toBeLessThanOrEqual(limit)
    }
  })

  it('stops a burst of link codes at one outstanding code', async () => {
    const phone = `137${String(randomInt(0, 1e8)).padStart(8, '0')}`
    const asker = await outstandingCode(w, phone)
    const right = w.sender.sent.at(-1)?.code ?? ''
    const wrong = (i: number) => String((Number(right) + 1 + i) % 1e6).padStart(6, '0')
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        w.app.inject({
          method: 'POST',
          url: '/api/devices/link/confirm',
          headers: asker.headers,
          payload: { phone, code: i === 49 ? right : wrong(i) },
        }),
      ),
    )
    expect(answers.at(-1)?.statusCode, answers.at(-1)?.body).toBe(429)
    expect(answers.filter((res) => res.statusCode === 422).length).toBeLessThan(LINK_CODE_ATTEMPTS)
    expect(answers.filter((res) => res.statusCode === 200)).toEqual([])
    // Every guess compared is counted on the code: no more may have been compared than it allows.
    const rows = await store()
      .db.selectFrom('link_codes')
      .select('attempts')
      .where('device_id', '=', asker.deviceId)
      .execute()
    expect(rows.map((row) => Number(row.attempts))).toEqual([LINK_CODE_ATTEMPTS])
  })
})
