import { request } from '@/lib/http'
import { entityCodeSchema } from '../../../mock-api/contract'

/** The business an entity code (`/e/<token>`) names; a 404 or 410 carries the reason. */
export async function fetchEntityCode(token: string) {
  const { body } = await request({ path: `/entity-codes/${encodeURIComponent(token)}` })
  return entityCodeSchema.parse(body)
}
