import { memo, startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
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
import { CodeRejectionNotice, WhereItGoes, type CodeCheck } from './fields/where-it-goes'
import { useCodeCheckResult } from './use-code-check-result'
import type { SaveState } from './use-draft-autosave'
import { useDraftChecks } from './draft-checks'
import { useDraftFields, type ChangeFields } from './use-draft-fields'
import './report.css'
import { Button } from '@/ui/button'

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
export const DraftForm = memo(function DraftForm({ draft, codeCheck }: Props) {
  const { t } = useTranslation()
  const { fields, change, saveState } = useDraftFields(draft)
  const { checks, prepare, prepareSoon } = useDraftChecks()
  // The owner's own edits (not the code check's) start loading what submitting needs.
  const edit: ChangeFields = useCallback(
    (changes) => {
      change(changes)
      prepareSoon()
    },
    [change, prepareSoon],
  )
  const isOnline = useIsOnline()
  const isWhole = useIsPastFirstCommit()
  const [isShowingErrors, setShowingErrors] = useState(false)
  const [isSubmitFailed, setSubmitFailed] = useState(false)
  // Bumped by each submit the check refused, or that queued the report: the screen then moves the
  // owner's focus (and the view) to what needs them, the first field to fix or the queued card.
  const [attention, setAttention] = useState<{ to: 'invalid' | 'queued'; n: number } | null>(null)
  const formRef = useRef<HTMLDivElement>(null)
  const queuedRef = useRef<HTMLDivElement>(null)
  const rejection = useCodeCheckResult(codeCheck, fields, change)
  const isQueued = draft.state === 'queued'
  const validation =
    isShowingErrors && checks ? checks.validateDraft({ ...draft, ...fields }) : null
  const clientErrors = validation && !validation.ok ? validation.errors : null
  const errors = useErrorTexts(clientErrors, draft.refusal)
  const errorCount = clientErrors ? Object.keys(clientErrors).length : 0

  // The errors show with the check's answer, in the render that moves the owner's focus to the
  // first of them: the check loads first if no edit has loaded it yet.
  const submit = async () => {
    setSubmitFailed(false)
    try {
      const { submitDraft } = await prepare()
      const result = await submitDraft(draft.id, fields)
      setShowingErrors(true)
      setAttention((last) => ({ to: result.ok ? 'queued' : 'invalid', n: (last?.n ?? 0) + 1 }))
    } catch {
      setShowingErrors(true)
      setSubmitFailed(true)
    }
  }

  useEffect(() => {
    if (!attention) return
    const target =
      attention.to === 'queued' ? queuedRef.current : firstInvalidControl(formRef.current)
    target?.focus({ preventScroll: true })
    target?.scrollIntoView?.({ block: 'center' })
  }, [attention, isQueued])

  return (
    <div className="gs-draft-form" ref={formRef}>
      <p role="status" className={`gs-save-state gs-save-state--${saveState}`}>
        {isQueued ? '' : t(SAVE_STATE_TEXT[saveState])}
      </p>
      {!isQueued && <CodeRejectionNotice rejection={rejection} />}
      {draft.refusal && !isQueued && <RefusalNotice refusal={draft.refusal} />}
      <fieldset className="gs-draft-form__fields" disabled={isQueued}>
        <CategoryPicker value={fields.category} error={errors.category} onChange={edit} />
        <TextFields
          title={fields.title}
          description={fields.description}
          errors={errors}
          onChange={edit}
        />
        {isWhole && (
          <>
            <PhotoPicker draftId={draft.id} photoIds={draft.photoIds} />
            <WhereItGoes
              divisionCode={fields.divisionCode}
              servicePointToken={fields.servicePointToken}
              servicePoint={fields.servicePoint}
              codeCheck={codeCheck}
              rejection={rejection}
              error={errors.divisionCode ?? errors.servicePointToken}
              onChange={edit}
            />
            {fields.entityToken ? (
              <VerifiedBusiness business={fields.business} onChange={edit} />
            ) : (
              <BusinessFields value={fields.business} errors={errors} onChange={edit} />
            )}
            <ContactFields
              value={fields.contact}
              isConfidential={fields.confidential}
              errors={errors}
              onChange={edit}
            />
          </>
        )}
      </fieldset>
      {/* Said once, where the finger is: by the button before it is tapped, in its place after. The
          promise names the reopening, as without a service worker (in-app browsers) a closed page
          cannot be reopened offline: the outbox sends on the next start online. */}
      {!isWhole ? null : isQueued ? (
        <div role="status" className="gs-queued" ref={queuedRef} tabIndex={-1}>
          <p className="gs-queued__message">{t('draft.queued')}</p>
          <p>{t(isOnline ? 'draft.queuedHint' : 'draft.queuedOffline')}</p>
        </div>
      ) : (
        <div className="gs-submit">
          {!isOnline && <p className="gs-note gs-offline-promise">{t('draft.offlinePromise')}</p>}
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
          <Button block onClick={() => void submit()}>
            {t('draft.submit')}
          </Button>
        </div>
      )}
    </div>
  )
})

/**
 * False for the form's first render, true once the browser has drawn it. The form is drawn in
 * two commits: what the phone shows first (the category cards, title and description), then the
 * sections below the fold with the submit button, after the first part's frame (a task after the
 * next animation frame: a plain timeout ran before the frame). React's work on the whole form in
 * one commit was a long task on a slow phone when a window code's link opens it (Total Blocking
 * Time); in two, each is about half. (The browser's layout after the second commit still covers
 * the whole form: Chromium re-attaches the first part's boxes then, cause not found.) Nothing
 * typed is at stake: the fields' values live in useDraftFields, whichever part is on screen.
 */
function useIsPastFirstCommit(): boolean {
  const [isPast, setPast] = useState(false)
  useEffect(() => {
    let timer: number | undefined
    const frame = window.requestAnimationFrame(() => {
      timer = window.setTimeout(() => startTransition(() => setPast(true)), 0)
    })
    return () => {
      window.cancelAnimationFrame(frame)
      window.clearTimeout(timer)
    }
  }, [])
  return isPast
}

/** The first field marked invalid, in the order the owner reads them; a group gives its first choice. */
function firstInvalidControl(form: HTMLElement | null): HTMLElement | null {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
  if (!invalid || invalid.matches('input, select, textarea, button')) return invalid ?? null
  return invalid.querySelector<HTMLElement>('input:checked, input, select, textarea, button')
}
