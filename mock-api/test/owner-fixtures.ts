// Fixtures for owner route tests: the app with a settable clock and a capturing code sender, a
// registered device, and a valid report body.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../app.js'
import type { Env } from '../config.js'
import type { ReportInput } from '../contract.js'
import { capturingCodeSender } from '../workflow/code-sender.js'
import type { TestStore } from './databases.js'
import type { TestClock } from './test-app.js'
import { testClock, testConfig } from './test-app.js'

/** A credit code whose check character is right, and one whose check character is wrong. */
export const CREDIT_CODE = '91450100MA5K00000B'
export const CREDIT_CODE_BAD_CHECK = '91450100MA5K00000C'
export const PHONE = '13800001234'

export type OwnerTestApp = {
  app: FastifyInstance
  clock: TestClock
  sender: ReturnType<typeof capturingCodeSender>
}

export async function buildOwnerApp(store: TestStore, env: Env = {}): Promise<OwnerTestApp> {
  const clock = testClock()
  const sender = capturingCodeSender()
  const app = await buildApp({
    db: store,
    clock,
    config: testConfig({ DATA_DIR: store.config.dataDir, ...env }),
    codeSender: sender,
  })
  return { app, clock, sender }
}

export type Device = { deviceId: string; credential: string; headers: { authorization: string } }

export async function newDevice(app: FastifyInstance): Promise<Device> {
  const res = await app.inject({ method: 'POST', url: '/api/devices' })
  if (res.statusCode !== 201) throw new Error(`device: ${res.statusCode} ${res.body}`)
  const { deviceId, credential } = res.json<{ deviceId: string; credential: string }>()
  return { deviceId, credential, headers: { authorization: `Bearer ${credential}` } }
}

type ReportBody = Omit<ReportInput, 'confidential'> & { confidential?: boolean }

export const reportBody = (overrides: Partial<ReportBody> = {}): ReportBody => ({
  id: randomUUID(),
  category: 'complaint',
  title: '办理营业执照变更太慢',
  description: '提交材料一个月了还没有结果。',
  business: { name: '青秀区小明便利店', creditCode: CREDIT_CODE, kind: 'individual' },
  contact: { name: '张小明', phone: PHONE },
  divisionCode: '450103',
  confidential: false,
  ...overrides,
})

export const postReport = (
  app: FastifyInstance,
  device: Device,
  body: unknown,
): Promise<LightMyRequestResponse> =>
  app.inject({
    method: 'POST',
    url: '/api/reports',
    headers: device.headers,
    payload: body as object,
  })

/** Reports and returns the new ticket's id, number and code. */
export async function reportTicket(
  app: FastifyInstance,
  device: Device,
  overrides: Partial<ReportBody> = {},
): Promise<{ id: string; number: string; code: string }> {
  const res = await postReport(app, device, reportBody(overrides))
  if (res.statusCode !== 201) throw new Error(`report: ${res.statusCode} ${res.body}`)
  return res.json<{ id: string; number: string; code: string }>()
}
