// Owner streams' heartbeat checks share queries: lookups asked for in one turn are one query,
// and still tell live, revoked and unknown devices apart.
import type { KyselyPlugin } from 'kysely'
import { describe, expect, it } from 'vitest'
import { databases, useStore } from '../test/databases.js'
import { newDevice } from '../test/owner-fixtures.js'
import { buildTestApp } from '../test/test-app.js'
import { batchedDeviceLookup, ownerStreamCheck } from './stream-credentials.js'

function countingSelects(): KyselyPlugin & { selects: number } {
  const plugin = {
    selects: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      if (args.node.kind === 'SelectQueryNode') plugin.selects += 1
      return args.node
    },
    transformResult: (args: Parameters<KyselyPlugin['transformResult']>[0]) =>
      Promise.resolve(args.result),
  }
  return plugin
}

describe.each(databases)('batched device checks on $name', (database) => {
  const store = useStore(database)

  it('answers many streams’ checks in one query, seeing a revocation committed before', async () => {
    const app = await buildTestApp(store())
    const devices = await Promise.all(Array.from({ length: 12 }, () => newDevice(app)))
    await app.close()
    const rows = await store()
      .db.selectFrom('devices')
      .select(['id', 'owner_id'])
      .where(
        'id',
        'in',
        devices.map((device) => device.deviceId),
      )
      .execute()
    const ownerOf = new Map(rows.map((row) => [row.id, row.owner_id]))
    const [revoked] = devices
    await store()
      .db.updateTable('devices')
      .set({ revoked_at: new Date().toISOString() })
      .where('id', '=', revoked?.deviceId ?? '')
      .execute()

    const counter = countingSelects()
    const lookup = batchedDeviceLookup(store().db.withPlugin(counter))
    const checks = devices.map((device) =>
      ownerStreamCheck(lookup, {
        deviceId: device.deviceId,
        ownerId: ownerOf.get(device.deviceId) ?? '',
      })(),
    )
    const moved = ownerStreamCheck(lookup, {
      deviceId: devices[1]?.deviceId ?? '',
      ownerId: 'someone-else',
    })()
    const unknown = lookup('no-such-device')
    const results = await Promise.all(checks)

    expect(results.map((result) => result.isHeld)).toEqual([false, ...Array(11).fill(true)])
    expect((await moved).isHeld).toBe(false)
    expect(await unknown).toBeUndefined()
    expect(counter.selects).toBe(1)
  })
})
