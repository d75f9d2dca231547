import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { Button } from './button'
import './confirm-dialog.css'

type Props = {
  open: boolean
  /** The question, naming the action: "不予受理这件反映？" */
  title: ReactNode
  /** What follows and cannot be undone: "反映人会收到不予受理的告知，工单就此结束。" */
  consequence: ReactNode
  confirmLabel: ReactNode
  cancelLabel?: ReactNode
  /** danger for what cannot be undone: the confirm button is red. */
  tone?: 'danger' | 'primary'
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/**
 * Asks before an action that cannot be undone, naming its consequence. Modal: focus starts on
 * "cancel" (the safe answer), Tab stays inside, Escape cancels, and focus returns to where it
 * was when the dialog closes.
 */
export function ConfirmDialog({
  open,
  title,
  consequence,
  confirmLabel,
  cancelLabel,
  tone = 'danger',
  busy = false,
  onConfirm,
  onCancel,
}: Props) {
  const { t } = useTranslation()
  const id = useId()
  const dialog = useRef<HTMLDivElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    cancel.current?.focus()
    return () => before?.focus()
  }, [open])

  if (!open) return null

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      onCancel()
      return
    }
    if (event.key !== 'Tab' || !dialog.current) return
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button:not(:disabled)')]
    const first = focusable[0]
    const last = focusable.at(-1)
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }

  return (
    <div className="gs-confirm-backdrop">
      <div
        ref={dialog}
        className="gs-confirm"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-consequence`}
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} className="gs-confirm__title">
          {title}
        </h2>
        <div id={`${id}-consequence`} className="gs-confirm__consequence">
          {consequence}
        </div>
        <div className="gs-confirm__buttons">
          <Button ref={cancel} variant="secondary" onClick={onCancel}>
            {cancelLabel ?? t('ui.confirm.cancel')}
          </Button>
          <Button variant={tone} loading={busy} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  )
}
