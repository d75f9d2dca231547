import { useEffect, useEffectEvent, useState } from 'react'
import type { DraftFields } from './drafts'
import type { CodeCheck, CodeRejection } from './fields/where-it-goes'

/**
 * Applies the window code's check to the draft through the form's own `change`, so the form stays
 * the only writer of its fields: a valid code fills in the service point and the division; a
 * forged or retired one is set aside (the owner chooses by hand) and the reason kept for display.
 */
export function useCodeCheckResult(
  codeCheck: CodeCheck,
  fields: DraftFields,
  change: (changes: Partial<DraftFields>) => void,
): CodeRejection {
  const [rejection, setRejection] = useState<CodeRejection>(null)
  const apply = useEffectEvent(() => {
    const check = codeCheck
    if (check.status === 'valid' && fields.servicePoint?.id !== check.point.id) {
      const { id, name, divisionCode } = check.point
      change({ servicePoint: { id, name, divisionCode }, divisionCode })
    }
    if ((check.status === 'unknown' || check.status === 'retired') && fields.servicePointToken) {
      setRejection(check.status)
      change({ servicePointToken: null, servicePoint: null })
    }
  })
  const outcome = codeCheck.status === 'valid' ? codeCheck.point.id : codeCheck.status
  // The answer comes from the network; applying it through `change` keeps the form the only
  // writer of its fields (a direct IndexedDB write would be overwritten by the next keystroke).
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => apply(), [outcome])
  return rejection
}
