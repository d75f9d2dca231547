// OpenAPI descriptions of the admin's staff account routes (staff-accounts.ts).
import {
  problemSchema,
  staffAccountChangeSchema,
  staffAccountInputSchema,
  staffAccountSchema,
  staffAccountsSchema,
} from '../contract.js'
import type { RouteDoc } from './route-doc.js'
import { accountParamsSchema } from './staff-accounts.js'

const admin = { kind: 'staff', roles: ['admin'] } as const
const problem = (description: string) => ({ description, schema: problemSchema })
const guarded = {
  401: problem('Not signed in'),
  403: problem('Not an admin'),
}
const writeRefusals = {
  ...guarded,
  415: problem('The body is not JSON'),
  422: problem(
    'A field is invalid: `invalid_username`, `too_short` or `demo_password` (production) for ' +
      'the password, `required`/`not_allowed`/`invalid_desk_division` for the scope, ' +
      '`unknown_unit` for a missing or retired unit',
  ),
}

export const staffAccountsDocs: RouteDoc[] = [
  {
    method: 'GET',
    path: '/api/staff/admin/accounts',
    summary: 'Every staff account by username, with role, scope and whether it is disabled',
    tags: ['staff accounts'],
    auth: admin,
    responses: {
      200: { description: 'The accounts (never a password hash)', schema: staffAccountsSchema },
      ...guarded,
    },
  },
  {
    method: 'POST',
    path: '/api/staff/admin/accounts',
    summary: 'Create a staff account with an initial password (audited)',
    tags: ['staff accounts'],
    auth: admin,
    body: staffAccountInputSchema,
    responses: {
      201: { description: 'The new account', schema: staffAccountSchema },
      ...writeRefusals,
      409: problem('`username_taken`'),
    },
  },
  {
    method: 'PATCH',
    path: '/api/staff/admin/accounts/{id}',
    summary:
      'Change display name, role and scope, disabled, or reset the password (audited); ' +
      'disabling, a new role or scope and a new password end the account’s sessions',
    tags: ['staff accounts'],
    auth: admin,
    params: accountParamsSchema,
    body: staffAccountChangeSchema,
    responses: {
      200: { description: 'The account as it is now', schema: staffAccountSchema },
      ...writeRefusals,
      404: problem('No such account'),
      409: problem('`own_access`: an admin may not disable or demote themself'),
    },
  },
]
