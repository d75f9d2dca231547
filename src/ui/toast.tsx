import { useEffect, type ReactNode } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import './toast.css'

type Props = {
  /** What just happened; null shows nothing. */
  message: ReactNode | null
  onDismiss: () => void
  /** Hide by itself after this long; left out, the message stays until dismissed. */
  autoHideMs?: number
}

/**
 * A short confirmation near where the person acted ("已保存"), read out politely: the live
 * region is always in the page, so a screen reader hears each new message once.
 */
export function Toast({ message, onDismiss, autoHideMs }: Props) {
  const { t } = useTranslation()
  const isShown = message !== null && message !== undefined && message !== ''
  useEffect(() => {
    if (!isShown || autoHideMs === undefined) return
    const timer = setTimeout(onDismiss, autoHideMs)
    return () => clearTimeout(timer)
  }, [isShown, message, autoHideMs, onDismiss])
  return (
    <div className="gs-toast-region" role="status" aria-live="polite">
      {isShown ? (
        <div className="gs-toast">
          <span className="gs-toast__message">{message}</span>
          <button type="button" className="gs-toast__close" onClick={onDismiss}>
            {t('ui.toast.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
