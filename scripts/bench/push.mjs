// Event committed → Web Push request received: how long an owner waits for the push after a desk
// acts. The app (started by bench.mjs with PUSH_ENDPOINT_ORIGINS naming PUSH_PORT) gets one
// subscription pointing at a local push service; a desk accepts tickets one at a time, and each
// delay runs from the accept's response (the write has committed by then) to the push service
// receiving the encrypted request. The sender is woken by the commit in this process; its
// 1-second poll only matters for writes made by other processes.
import { createECDH, randomBytes, randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import { median, percentile } from './stats.mjs'

export const PUSH_PORT = 4197
const SAMPLES = 30
const TARGET_P95_MS = 1000

function startPushService() {
  const waiters = []
  const server = createServer((request, response) => {
    request.resume()
    request.on('end', () => {
      response.writeHead(201).end()
      waiters.shift()?.(performance.now())
    })
  })
  return new Promise((resolve) =>
    server.listen(PUSH_PORT, '127.0.0.1', () =>
      resolve({
        next: () => new Promise((received) => waiters.push(received)),
        close: () => new Promise((closed) => server.close(closed)),
      }),
    ),
  )
}

async function json(url, init) {
  const response = await fetch(url, init)
  if (!response.ok)
    throw new Error(`${init?.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`)
  return { response, body: response.status === 204 ? null : await response.json() }
}

export async function measurePush({ url }) {
  const push = await startPushService()
  try {
    const { body: device } = await json(`${url}/api/devices`, { method: 'POST' })
    const owner = {
      authorization: `Bearer ${device.credential}`,
      'content-type': 'application/json',
    }
    const browser = createECDH('prime256v1')
    await json(`${url}/api/push/subscriptions`, {
      method: 'POST',
      headers: owner,
      body: JSON.stringify({
        endpoint: `http://127.0.0.1:${PUSH_PORT}/push/bench`,
        keys: {
          p256dh: browser.generateKeys().toString('base64url'),
          auth: randomBytes(16).toString('base64url'),
        },
      }),
    })
    const { response: signIn } = await json(`${url}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'desk.nanning',
        password: process.env.DEMO_PASSWORD ?? 'guishang-demo',
      }),
    })
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const desk = { cookie, 'content-type': 'application/json' }
    const delays = []
    for (let n = 0; n < SAMPLES; n++) {
      const { body: ticket } = await json(`${url}/api/reports`, {
        method: 'POST',
        headers: owner,
        body: JSON.stringify({
          id: randomUUID(),
          category: 'help',
          title: '压测：推送到达时间',
          description: '门面装修许可办理时间过长。',
          business: {
            name: '南宁市测试商贸有限公司',
            creditCode: '91450100MA5K00000B',
            kind: 'enterprise',
          },
          contact: { name: '李四', phone: '13800000000' },
          divisionCode: '450103',
          confidential: false,
        }),
      })
      const received = push.next()
      await json(`${url}/api/staff/tickets/${ticket.id}/events`, {
        method: 'POST',
        headers: desk,
        body: JSON.stringify({ type: 'accept' }),
      })
      const committed = performance.now()
      delays.push((await received) - committed)
    }
    return { samples: SAMPLES, medianMs: median(delays), p95Ms: percentile(delays, 95) }
  } finally {
    await push.close()
  }
}

export function pushReport(result) {
  const ms = (value) => `${value.toFixed(0)} ms`
  return [
    '## Web Push: event committed → push request received',
    '',
    `A desk accepts ${result.samples} tickets one after another; each delay runs from the accept's`,
    'response to a local push service (127.0.0.1) receiving the encrypted aes128gcm request.',
    '',
    '| measure | median | p95 | target (p95) |',
    '| --- | --- | --- | --- |',
    `| committed → push received | ${ms(result.medianMs)} | ${ms(result.p95Ms)} | ≤ ${ms(TARGET_P95_MS)} |`,
    '',
  ].join('\n')
}
