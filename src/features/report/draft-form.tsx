import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useIsOnline } from '@/lib/use-is-online'
import type { Draft } from './drafts'
import { BusinessFields } from './fields/business-fields'
import { VerifiedBusiness } from './fields/verified-business'
import { CategoryPicker } from './fields/category-picker'
import { ContactFields } from './fields/contact-fields'
import { useErrorTexts } from './fields/field-errors'
import { PhotoPicker } from './fields/photo-picker'
import { RefusalNotice } from './fields/refusal-notice'
import { TextFields } from './fields/text-fields'
import { WhereItGoes, type CodeCheck } from './fields/where-it-goes'
import { submitDraft } from './submit-draft'
import { useCodeCheckResult } from './use-code-check-result'
import type { SaveState } from './use-draft-autosave'
import { useDraftFields } from './use-draft-fields'
import { validateDraft } from './validate-draft'
import './report.css'

const SAVE_STATE_TEXT = {
  saved: 'draft.saved',
  saving: 'draft.saving',
  failed: 'draft.saveFailed',
} as const satisfies Record<SaveState, string>

type Props = { draft: Draft; codeCheck: CodeCheck }

/**
 * Edits one draft (kept current by the caller); every change is written to this phone at once
 * (see useDraftAutosave). Errors show after the first submit and then follow the owner's edits.
 */
export function DraftForm({ draft, codeCheck }: Props) {
  const { t } = useTranslation()
  const { fields, change, saveState } = useDraftFields(draft)
  const isOnline = useIsOnline()
  const [isShowingErrors, setShowingErrors] = useState(false)
  const [isSubmitFailed, setSubmitFailed] = useState(false)
  const rejection = useCodeCheckResult(codeCheck, fields, change)
  const isQueued = draft.state === 'queued'
  const validation = isShowingErrors ? validateDraft({ ...draft, ...fields }) : null
  const clientErrors = validation && !validation.ok ? validation.errors : null
  const errors = useErrorTexts(clientErrors, draft.refusal)
  const errorCount = clientErrors ? Object.keys(clientErrors).length : 0

  const submit = async () => {
    setShowingErrors(true)
    setSubmitFailed(false)
    try {
      await submitDraft(draft.id, fields)
    } catch {
      setSubmitFailed(true)
    }
  }

  return (
    <div className="gs-draft-form">
      <p role="status" className={`gs-save-state gs-save-state--${saveState}`}>
        {isQueued ? '' : t(SAVE_STATE_TEXT[saveState])}
      </p>
      {/* Without a service worker (in-app browsers) a closed page cannot be reopened offline, so the
          promise names the reopening: the outbox sends on the next start online. */}
      {!isOnline && <p className="gs-note gs-offline-promise">{t('draft.offlinePromise')}</p>}
      {draft.refusal && !isQueued && <RefusalNotice refusal={draft.refusal} />}
      {isQueued && (
        <div role="status" className="gs-queued">
          <p className="gs-queued__message">{t('draft.queued')}</p>
          <p>{t('draft.queuedHint')}</p>
        </div>
      )}
      <fieldset className="gs-draft-form__fields" disabled={isQueued}>
        <CategoryPicker value={fields.category} error={errors.category} onChange={change} />
        <TextFields
          title={fields.title}
          description={fields.description}
          errors={errors}
          onChange={change}
        />
        <PhotoPicker draftId={draft.id} photoIds={draft.photoIds} />
        <WhereItGoes
          divisionCode={fields.divisionCode}
          servicePointToken={fields.servicePointToken}
          servicePoint={fields.servicePoint}
          codeCheck={codeCheck}
          rejection={rejection}
          error={errors.divisionCode ?? errors.servicePointToken}
          onChange={change}
        />
        {fields.entityToken ? (
          <VerifiedBusiness business={fields.business} onChange={change} />
        ) : (
          <BusinessFields value={fields.business} errors={errors} onChange={change} />
        )}
        <ContactFields
          value={fields.contact}
          isConfidential={fields.confidential}
          errors={errors}
          onChange={change}
        />
      </fieldset>
      {!isQueued && (
        <div className="gs-submit">
          {errorCount > 0 && (
            <p role="alert" className="gs-field__error">
              {t('draft.fixErrors', { count: errorCount })}
            </p>
          )}
          {isSubmitFailed && (
            <p role="alert" className="gs-field__error">
              {t('draft.submitFailed')}
            </p>
          )}
          <button type="button" className="gs-button" onClick={() => void submit()}>
            {t('draft.submit')}
          </button>
        </div>
      )}
    </div>
  )
}
