// Bad input on every documented JSON write route, generated from the RouteDocs and the contract:
// each field gone wrong (type, missing, unknown value, huge), bodies that are not JSON, not UTF-8
// or too large. Each gets a clear 4xx problem naming the field, stores nothing, and the server
// keeps answering; the valid body then gets through, so the refusals are about the input.
import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BODY_LIMIT } from '../app.js'
import { problemSchema } from '../contract.js'
import { creditCodeCheckCharacter } from '../shared/credit-code.js'
import { databases, useStore } from '../test/databases.js'
import { CREDIT_CODE_BAD_CHECK, postReport, reportBody } from '../test/owner-fixtures.js'
import { mutationsOf } from './body-mutations.js'
import type { World } from './fixture-world.js'
import { buildWorld } from './fixture-world.js'
import type { LiveRoute } from './requests.js'
import { isWrite, jsonBodySchemaOf, liveRoutes, requestFor, routeKey } from './requests.js'
import { snapshot } from './store-snapshot.js'

const JSON_WRITES = liveRoutes().filter((route) => isWrite(route.doc) && !route.kase.isUpload)
const bodySchemaOf = ({ doc }: LiveRoute) => jsonBodySchemaOf(doc)
const WITH_SCHEMA = JSON_WRITES.filter((route) => bodySchemaOf(route) !== null)
const withCheck = (first17: string) => first17 + creditCodeCheckCharacter(first17)
const byKey = (routes: LiveRoute[]) => routes.map((route) => [route.key, route] as const)

const JSON_TYPE = { 'content-type': 'application/json' }
/** A JSON object whose one string holds bytes that are not UTF-8 (a lone FF, a cut-off é). */
const NOT_UTF8 = Buffer.concat([
  Buffer.from('{"text":"'),
  Buffer.from([0xff, 0xfe, 0xc3]),
  Buffer.from('"}'),
])

describe.each(databases)('bad input on $name', (database) => {
  const store = useStore(database)
  let w: World
  beforeAll(async () => {
    // Limits off: hundreds of refused requests must meet the input checks, not a 429.
    w = await buildWorld(store(), { RATE_LIMITS: 'off' })
  })
  afterAll(() => w.app.close())

  /** Sends `options` as the route's right party; expects a problem and an unchanged store. */
  async function refused(
    route: LiveRoute,
    options: Partial<InjectOptions>,
    statuses: readonly number[],
    label: string,
  ): Promise<LightMyRequestResponse> {
    const base = requestFor(w, route, route.kase.right[0] ?? 'anonymous')
    const before = await snapshot(store())
    const res = await w.app.inject({
      ...base,
      ...options,
      headers: { ...base.headers, ...options.headers },
    })
    const what = `${route.key}, ${label}: ${res.statusCode} ${res.body.slice(0, 200)}`
    expect(statuses, what).toContain(res.statusCode)
    expect(res.headers['content-type'], what).toMatch(/^application\/problem\+json/)
    const problem = problemSchema.parse(res.json())
    expect(problem.message?.zh && problem.message.en, what).toBeTruthy()
    expect(await snapshot(store()), what).toEqual(before)
    expect((await w.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    return res
  }

  it.each(byKey(WITH_SCHEMA))('%s: refuses each field gone wrong, naming it', async (_, route) => {
    const schema = bodySchemaOf(route)
    const valid = route.kase.body?.(w)
    if (!schema || valid === undefined) throw new Error(`${route.key}: no body`)
    const mutations = mutationsOf(valid, schema)
    expect(mutations.length > 0 || Object.keys(valid as object).length === 0).toBe(true)
    for (const mutation of mutations) {
      const label = `${mutation.field} ${mutation.label}`
      const res = await refused(route, { payload: mutation.body as object }, [422], label)
      const fields = problemSchema.parse(res.json()).errors?.map((error) => error.field)
      expect(fields, `${route.key}, ${label}`).toContain(mutation.field)
    }
    const accepted = await w.app.inject(requestFor(w, route, route.kase.right[0] ?? 'anonymous'))
    const expected = route.kase.validStatus
    if (expected === undefined) expect(accepted.statusCode, accepted.body).toBeLessThan(300)
    else expect(accepted.statusCode, accepted.body).toBe(expected)
  })

  it.each(byKey(JSON_WRITES))(
    '%s: refuses what is not JSON, not UTF-8 or too big',
    async (_, route) => {
      const raw = (payload: string | Buffer, headers = JSON_TYPE) => ({ payload, headers })
      await refused(route, raw('{"id":'), [400], 'cut-off JSON')
      const notUtf8 = await refused(route, raw(NOT_UTF8), [400], 'invalid UTF-8')
      expect(problemSchema.parse(notUtf8.json()).type).toBe('urn:guishang:problem:invalid_utf8')
      const oversize = JSON.stringify({ text: 'x'.repeat(BODY_LIMIT) })
      const tooBig = await refused(route, raw(oversize), [413], 'over 256 KiB')
      expect(problemSchema.parse(tooBig.json()).type).toBe('urn:guishang:problem:body_too_large')
      if (bodySchemaOf(route) === null || route.kase.ignoresBody !== undefined) return
      await refused(route, raw('null'), [422], 'null')
      await refused(route, raw('[1,2]'), [422], 'an array')
      await refused(route, raw('hello', { 'content-type': 'text/plain' }), [415, 422], 'plain text')
    },
  )
  // Text that is not text: terminal escapes and NUL would be served back to every screen and
  // export, a lone surrogate would be silently replaced (U+FFFD) by the store, and a title of
  // zero-width characters shows as nothing. Each is refused on its field; real text (line
  // breaks, tabs, emoji, CJK) is stored exactly as sent.
  it('refuses control characters, lone surrogates and invisible-only text, naming the field', async () => {
    const reports = liveRoutes().find(
      (route) => route.key === routeKey({ method: 'POST', path: '/api/reports' }),
    )
    if (!reports) throw new Error('POST /api/reports is not documented')
    const fieldsOf = (res: LightMyRequestResponse) => problemSchema.parse(res.json()).errors ?? []
    const cases: [string, Partial<Parameters<typeof reportBody>[0]>, string, string][] = [
      ['NUL in the title', { title: '营业执照\u0000办理' }, 'title', 'invalid_characters'],
      [
        'an ANSI escape',
        { description: '排队\u001b[2J\u001b[31m太久' },
        'description',
        'invalid_characters',
      ],
      [
        'a backspace',
        { contact: { name: '李\bb明', phone: '13800001234' } },
        'contact.name',
        'invalid_characters',
      ],
      ['a C1 control', { title: '排队\u009b太久' }, 'title', 'invalid_characters'],
      ['a lone high surrogate', { title: '排队\ud800太久' }, 'title', 'invalid_characters'],
      [
        'a lone low surrogate',
        { description: '\udc00排队太久了' },
        'description',
        'invalid_characters',
      ],
      ['zero-width only', { title: '\u200b\u200c\u200d\u2060\ufeff' }, 'title', 'no_visible_text'],
      [
        'zero-width and spaces',
        { description: '\u200b \u3000\u200b\n\t' },
        'description',
        'no_visible_text',
      ],
      [
        'a business name of fillers',
        {
          business: {
            name: '\u3164\u115f\u2800',
            creditCode: '91450100MA5K00000B',
            kind: 'individual',
          },
        },
        'business.name',
        'no_visible_text',
      ],
    ]
    for (const [label, overrides, field, code] of cases) {
      const res = await refused(reports, { payload: reportBody(overrides) }, [422], label)
      expect(fieldsOf(res), label).toContainEqual({ field, code })
    }
    const text = '第一行\n\t第二行 🏪 👨\u200d👩\u200d👧 𠀀'
    const kept = await postReport(w.app, w.owners.owner, reportBody({ description: text }))
    expect(kept.statusCode, kept.body).toBe(201)
    const row = await store()
      .db.selectFrom('tickets')
      .select('description')
      .where('id', '=', kept.json<{ id: string }>().id)
      .executeTakeFirstOrThrow()
    expect(row.description).toBe(text)
  })

  it('refuses control characters and invisible-only text in a staff note', async () => {
    const events = liveRoutes().find(
      (route) => route.key === routeKey({ method: 'POST', path: '/api/staff/tickets/{id}/events' }),
    )
    if (!events) throw new Error('POST /api/staff/tickets/{id}/events is not documented')
    for (const [label, reason, code] of [
      ['NUL', '不归我们\u0000管', 'invalid_characters'],
      ['zero-width only', '\u200b\u200b', 'no_visible_text'],
    ] as const) {
      const payload = { type: 'return', reason }
      const res = await refused(events, { payload }, [422], label)
      expect(problemSchema.parse(res.json()).errors, label).toContainEqual({
        field: 'reason',
        code,
      })
    }
  })

  it('refuses a malformed credit code, and a bad check character unless the owner confirms it', async () => {
    const reports = liveRoutes().find(
      (route) => route.key === routeKey({ method: 'POST', path: '/api/reports' }),
    )
    if (!reports) throw new Error('POST /api/reports is not documented')
    const business = (creditCode: string, confirmed?: boolean) => ({
      payload: reportBody({
        business: {
          name: '小店',
          creditCode,
          kind: 'individual',
          ...(confirmed === undefined ? {} : { creditCodeConfirmed: confirmed }),
        },
      }),
    })
    const codeOf = (res: LightMyRequestResponse) => problemSchema.parse(res.json()).errors
    for (const malformed of [
      '9145',
      '91450100MA5K0000OI',
      '91450100MA5K00000B9',
      '９１４５０１００ＭＡ５Ｋ００００Ｂ',
    ]) {
      const res = await refused(reports, business(malformed), [422], `credit code ${malformed}`)
      expect(codeOf(res)).toContainEqual({
        field: 'business.creditCode',
        code: 'invalid_credit_code',
      })
    }
    // Well formed, some even with a matching check character, but no authority ever issued them
    // (GB 32100-2015: the 1st character is the registration authority, the 2nd the kind of body).
    for (const [label, code] of [
      ['all zeros', '000000000000000000'],
      ['authority 0', withCheck('01450100MA5K00000')],
      ['authority B', withCheck('B1450100MA5K00000')],
      ['工商 (9) kind 4', withCheck('94450100MA5K00000')],
      ['民政 (5) kind 5', withCheck('55450100MA5K00000')],
    ] as const) {
      for (const confirmed of [undefined, true]) {
        const res = await refused(reports, business(code, confirmed), [422], label)
        expect(codeOf(res), label).toContainEqual({
          field: 'business.creditCode',
          code: 'credit_code_authority',
        })
      }
    }
    for (const confirmed of [undefined, false]) {
      const res = await refused(reports, business(CREDIT_CODE_BAD_CHECK, confirmed), [422], 'check')
      expect(codeOf(res)).toContainEqual({
        field: 'business.creditCode',
        code: 'credit_code_checksum',
      })
    }
    const kept = await postReport(
      w.app,
      w.owners.owner,
      business(CREDIT_CODE_BAD_CHECK, true).payload,
    )
    expect(kept.statusCode, kept.body).toBe(201)
    const row = await store()
      .db.selectFrom('tickets')
      .select(['business_credit_code', 'credit_code_unverified'])
      .where('id', '=', kept.json<{ id: string }>().id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ business_credit_code: CREDIT_CODE_BAD_CHECK, credit_code_unverified: 1 })
  })
})
