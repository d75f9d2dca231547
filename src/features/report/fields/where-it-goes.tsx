import { memo, useId } from 'react'
import { useTranslation } from 'react-i18next'
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
          {rejection && (
            <p role="alert" className="gs-warning">
              {t(rejection === 'unknown' ? 'draft.codeUnknown' : 'draft.codeRetired')}
            </p>
          )}
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
