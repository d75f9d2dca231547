/**
 * Test only: a small in-memory stand-in for the API behind `fetch`, with the real routes' rules
 * that the outbox depends on (device credentials and 401, reports idempotent by id with 200 on a
 * replay and 409 on a changed body, 422 on a missing title, attachments idempotent by id, 404 for
 * a ticket it does not have). It records every request that reached it, and a test can script
 * the next answers: a status, a dropped response after the server acted, a dead network, a hang.
 * `POST /api/reports/batch` answers each report as `POST /api/reports` would, one after another:
 * each is recorded (and scripted) as its own `/api/reports` request with the report's id as its
 * key, after the batch itself. A report scripted `offline`, `lose-response` or `hang` does that
 * to the whole batch (the server acts on the reports before it in the first case, all of them in
 * the second); a scripted status is that report's answer.
 */
type Recorded = {
  method: string
  path: string
  headers: Record<string, string>
  json: unknown
  fields: Record<string, string>
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> }
/** `offline`: never reaches the server. `lose-response`: the server acts, the client sees an error. */
type Scripted = Reply | 'offline' | 'lose-response' | 'hang'

const problem = (status: number, title: string, errors?: { field: string; code: string }[]) => ({
  status,
  body: {
    type: 'about:blank',
    title,
    status,
    message: { zh: `错误 ${status}`, en: title },
    errors,
  },
})

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  new Headers(init?.headers).forEach((value, key) => (out[key] = value))
  return out
}

function fieldsOf(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {}
  if (body instanceof FormData) {
    body.forEach((value, key) => (fields[key] = typeof value === 'string' ? value : 'blob'))
  }
  return fields
}

export function createFakeApi() {
  const requests: Recorded[] = []
  const credentials = new Set<string>()
  const reports = new Map<string, string>()
  const attachments = new Set<string>()
  const script: { path: RegExp; answer: Scripted }[] = []
  let devicesIssued = 0

  function serve(req: Recorded): Reply {
    if (req.method === 'POST' && req.path === '/api/devices') {
      devicesIssued += 1
      const credential = `cred-${devicesIssued}`.padEnd(43, 'x')
      credentials.add(credential)
      return { status: 201, body: { deviceId: `device-${devicesIssued}`, credential } }
    }
    const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '')
    if (!credentials.has(bearer)) return problem(401, 'Unauthorized')
    if (req.method === 'POST' && req.path === '/api/reports') {
      const report = req.json as { id: string; title?: string }
      if (!report.title)
        return problem(422, 'Invalid report', [{ field: 'title', code: 'required' }])
      const body = JSON.stringify(report)
      const stored = reports.get(report.id)
      if (stored !== undefined && stored !== body) return problem(409, 'report_conflict')
      reports.set(report.id, body)
      return { status: stored ? 200 : 201, body: { id: report.id, number: `N-${reports.size}` } }
    }
    const upload = /^\/api\/tickets\/([^/]+)\/attachments$/.exec(req.path)
    if (req.method === 'POST' && upload) {
      if (!reports.has(upload[1] ?? '')) return problem(404, 'Not Found')
      const id = req.fields.id ?? ''
      const isReplay = attachments.has(id)
      attachments.add(id)
      return { status: isReplay ? 200 : 201, body: { id } }
    }
    return problem(404, 'Not Found')
  }

  function nextScripted(path: string): Scripted | undefined {
    const index = script.findIndex((entry) => entry.path.test(path))
    return index >= 0 ? script.splice(index, 1)[0]?.answer : undefined
  }

  /** The batch's answer, or what befell the whole request. */
  function serveBatch(batch: Recorded): Reply | 'offline' | 'lose-response' | 'hang' {
    const { reports } = batch.json as { reports: unknown[] }
    const results: Reply[] = []
    let fate: 'offline' | 'lose-response' | 'hang' | null = null
    for (const report of reports) {
      const id = (report as { id?: string }).id ?? '?'
      const inner: Recorded = {
        method: 'POST',
        path: '/api/reports',
        headers: { ...batch.headers, 'idempotency-key': id },
        json: report,
        fields: {},
      }
      const scripted = nextScripted(inner.path)
      if (scripted === 'offline' || scripted === 'hang') return scripted
      requests.push(inner)
      if (scripted === 'lose-response') fate = 'lose-response'
      results.push(typeof scripted === 'object' ? scripted : serve(inner))
    }
    return fate ?? { status: 200, body: { results } }
  }

  const respond = (reply: Reply) =>
    new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'content-type': 'application/problem+json', ...reply.headers },
    })

  const hang = (init: RequestInit | undefined) =>
    new Promise<Response>((_, reject) =>
      init?.signal?.addEventListener('abort', () =>
        reject(new DOMException('aborted', 'AbortError')),
      ),
    )

  async function fetch(input: string, init?: RequestInit): Promise<Response> {
    const url = new URL(input, 'http://localhost')
    const isJson = typeof init?.body === 'string'
    const req: Recorded = {
      method: init?.method ?? 'GET',
      path: url.pathname,
      headers: headersOf(init),
      json: isJson ? (JSON.parse(init.body as string) as unknown) : null,
      fields: fieldsOf(init?.body),
    }
    await Promise.resolve()
    if (req.method === 'POST' && req.path === '/api/reports/batch') {
      const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '')
      if (!credentials.has(bearer)) {
        requests.push(req)
        return respond(problem(401, 'Unauthorized'))
      }
      const fate = serveBatch(req)
      if (fate === 'offline') throw new TypeError('Failed to fetch')
      requests.push(req)
      if (fate === 'hang') return hang(init)
      if (fate === 'lose-response') throw new TypeError('Failed to fetch')
      return respond(fate)
    }
    const scripted = nextScripted(req.path)
    if (scripted === 'offline') throw new TypeError('Failed to fetch')
    if (scripted === 'hang') {
      requests.push(req)
      return hang(init)
    }
    requests.push(req)
    if (typeof scripted === 'object') return respond(scripted)
    const reply = serve(req)
    if (scripted === 'lose-response') throw new TypeError('Failed to fetch')
    return respond(reply)
  }

  return {
    fetch,
    /** Every request that reached the server, in order. */
    requests,
    reports,
    attachments,
    /** The next request whose path matches gets `answer` instead of the normal one. */
    scriptNext(path: RegExp, answer: Scripted) {
      script.push({ path, answer })
    },
    /** Forgets every credential, as a server whose database was reset. */
    forgetDevices() {
      credentials.clear()
    },
  }
}

export type FakeApi = ReturnType<typeof createFakeApi>
