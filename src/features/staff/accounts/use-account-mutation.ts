/**
 * One account request per intent (see use-single-mutation.ts); every answer refreshes the list,
 * since a refusal may come from a change another admin made meanwhile.
 */
import type { StaffAccount } from '../../../../mock-api/contract'
import { staffKeys } from '../common/queries'
import { useSingleMutation } from '../common/use-single-mutation'

export function useAccountMutation<Input>(send: (input: Input) => Promise<StaffAccount>) {
  return useSingleMutation(send, [staffKeys.accounts])
}
