import { memo, useId } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import type { ServicePoint } from '../../../../mock-api/contract'
import { divisionLabel } from '../divisions'
import type { DraftFields } from '../drafts'
import type { ChangeFields } from '../use-draft-fields'
import { DivisionPicker } from './division-picker'

/** Where the check of the draft's window code stands (the scan feature runs it). */
export type CodeCheck =
  | { status: 'none' | 'waiting' | 'checking' | 'unknown' | 'retired' | 'failed' }
  | { status: 'valid'; point: ServicePoint }

/** Why a code was set aside during this visit, so the owner is told after the token is gone. */
export type CodeRejection = 'unknown' | 'retired' | null

/**
 * A forged or retired window code, said at the top of the form where the owner starts reading
 * (issue 17: it sat two screens down, by the city picker).
 */
export function CodeRejectionNotice({ rejection }: { rejection: CodeRejection }) {
  const { t } = useTranslation()
  if (!rejection) return null
  return (
    <p role="alert" className="gs-warning">
      {t(rejection === 'unknown' ? 'draft.codeUnknown' : 'draft.codeRetired')}
    </p>
  )
}

type Props = Pick<DraftFields, 'divisionCode' | 'servicePointToken' | 'servicePoint'> & {
  codeCheck: CodeCheck
  rejection: CodeRejection
  error?: string
  onChange: ChangeFields
}

const NOTES = {
  waiting: 'draft.codeWaiting',
  checking: 'draft.codeChecking',
  failed: 'draft.codeFailed',
} as const

export const WhereItGoes = memo(function WhereItGoes({
  divisionCode,
  servicePointToken,
  servicePoint,
  codeCheck,
  rejection,
  error,
  onChange,
}: Props) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const pending = servicePointToken && !servicePoint ? codeCheck.status : null
  return (
    <section className="gs-draft-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="gs-draft-section__title">
        {t('draft.where')}
      </h2>
      {servicePoint ? (
        <div className="gs-boxed">
          <p className="gs-check__label">{t('draft.fromCode', { name: servicePoint.name })}</p>
          <p className="gs-field__hint">
            {t('draft.fromCodeDivision', {
              division: divisionLabel(servicePoint.divisionCode, i18n.language),
            })}
          </p>
          <button
            type="button"
            className="gs-link-button"
            onClick={() => onChange({ servicePointToken: null, servicePoint: null })}
          >
            {t('draft.chooseByHand')}
          </button>
        </div>
      ) : (
        <>
          {/* The alert itself is at the top of the form (CodeRejectionNotice); here, a reminder. */}
          {rejection && <p className="gs-field__hint">{t('draft.codeSetAside')}</p>}
          {(pending === 'waiting' || pending === 'checking' || pending === 'failed') && (
            <p role="status" className="gs-note">
              {t(NOTES[pending])}
            </p>
          )}
          <p className="gs-field__hint">{t('draft.whereHint')}</p>
          <DivisionPicker
            value={divisionCode}
            error={error}
            onChange={(code) => onChange({ divisionCode: code })}
          />
        </>
      )}
    </section>
  )
})
