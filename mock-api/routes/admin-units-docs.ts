// OpenAPI descriptions of the admin's unit and responsibility-list routes (admin-units.ts,
// admin-responsibilities.ts).
import {
  adminUnitSchema,
  adminUnitsSchema,
  problemSchema,
  responsibilityEntriesSchema,
  responsibilityEntrySchema,
  responsibilityInputSchema,
  unitChangeSchema,
  unitInputSchema,
} from '../contract.js'
import { entryParams } from './admin-responsibilities.js'
import { unitIdParams } from './admin-units.js'
import type { RouteDoc } from './route-doc.js'

const admin = { kind: 'staff', roles: ['admin'] } as const
const problem = (description: string) => ({ description, schema: problemSchema })
const guarded = { 401: problem('Not signed in'), 403: problem('Not an admin') }
const writeRefusals = { ...guarded, 415: problem('The body is not JSON') }

const unitDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/staff/admin/units',
    summary: 'Every handling unit, deactivated ones too, with its open tickets',
    tags: ['units'],
    auth: admin,
    responses: {
      200: { description: 'Region first, then by division and name', schema: adminUnitsSchema },
      ...guarded,
    },
  },
  {
    method: 'POST',
    path: '/api/staff/admin/units',
    summary: 'Create a unit in a division (audited)',
    tags: ['units'],
    auth: admin,
    body: unitInputSchema,
    responses: {
      201: { description: 'The new unit', schema: adminUnitSchema },
      ...writeRefusals,
      409: problem('`unit_name_taken`: the division has a unit of this name'),
      422: problem('A field is invalid; `level_mismatch` when the level is not the division’s'),
    },
  },
  {
    method: 'PATCH',
    path: '/api/staff/admin/units/{id}',
    summary: 'Rename, deactivate (`active: false`) or reactivate a unit (audited)',
    tags: ['units'],
    auth: admin,
    params: unitIdParams,
    body: unitChangeSchema,
    responses: {
      200: { description: 'The unit as it is now', schema: adminUnitSchema },
      ...writeRefusals,
      404: problem('No such unit'),
      409: problem(
        '`unit_has_open_tickets` (with `openTickets`), `unit_on_responsibility_list`, ' +
          'or `unit_name_taken`',
      ),
      422: problem('A field is invalid'),
    },
  },
]

const responsibilityDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/staff/admin/responsibilities',
    summary: 'The responsibility list: lead unit and co-units per division and category',
    tags: ['units'],
    auth: admin,
    responses: {
      200: { description: 'By division, then category', schema: responsibilityEntriesSchema },
      ...guarded,
    },
  },
  {
    method: 'PUT',
    path: '/api/staff/admin/responsibilities/{divisionCode}/{category}',
    summary:
      'Set who leads a category in a division; suggestions for its tickets follow at once (audited)',
    tags: ['units'],
    auth: admin,
    params: entryParams,
    body: responsibilityInputSchema,
    responses: {
      200: { description: 'The entry as stored', schema: responsibilityEntrySchema },
      ...writeRefusals,
      404: problem('No such division or category'),
      422: problem(
        'A unit is `unknown_unit`, `inactive_unit` or `outside_division` (neither the ' +
          'division, its city nor the region); a co-unit is the lead (`lead_repeated`) or twice',
      ),
    },
  },
  {
    method: 'DELETE',
    path: '/api/staff/admin/responsibilities/{divisionCode}/{category}',
    summary: 'Remove an entry (idempotent; audited when there was one)',
    tags: ['units'],
    auth: admin,
    params: entryParams,
    responses: {
      204: { description: 'The division has no entry for the category now' },
      ...guarded,
      404: problem('No such division or category'),
    },
  },
]

export const adminUnitsDocs: RouteDoc[] = [...unitDocs, ...responsibilityDocs]
