// Where the Open311 door is, and the one jurisdiction it serves: Guangxi. jurisdiction_id may be
// left out; a client that sends one must name ours (the region's division code), any other is 404.
import { REGION_CODE } from '../../domain/jurisdiction.js'
import { open311NotFound } from './open311-errors.js'

export const OPEN311_PREFIX = '/open311/v2'
export const JURISDICTION_ID = REGION_CODE

export function checkJurisdiction(jurisdictionId: string | undefined): void {
  if (jurisdictionId !== undefined && jurisdictionId.trim() !== JURISDICTION_ID) {
    throw open311NotFound()
  }
}
