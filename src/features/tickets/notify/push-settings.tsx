import { useEffect, useId, useState } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { type PushState, pushState } from './push-state'

// The switch's code talks to the server (the contract, zod, the device key in Dexie): it loads
// when the owner flips the switch, not with the home screen.
const loadSubscription = () => import('./push-subscription')

/**
 * This phone's push switch, and what happens without one: with no push service (many Android
 * phones in China, in-app browsers) or with notifications blocked, progress comes by SMS.
 */
export function PushSettings() {
  const { t, i18n } = useTranslation()
  const hintId = useId()
  const [state, setState] = useState<PushState | null>(null)
  const [isBusy, setIsBusy] = useState(false)
  const [hasFailed, setHasFailed] = useState(false)
  useEffect(() => {
    void pushState().then(setState)
  }, [])
  // Until the browser has said, the switch's place is kept (invisible, as the usual "off"), so
  // the build line under it does not move when it appears (no layout shift on home).
  const isKnown = state !== null
  const shown = state ?? 'off'

  const toggle = () => {
    setIsBusy(true)
    setHasFailed(false)
    const change = loadSubscription().then((push) =>
      shown === 'on' ? push.unsubscribePush() : push.subscribePush(i18n.language),
    )
    change
      .then(setState)
      .catch(() => setHasFailed(true))
      .finally(() => setIsBusy(false))
  }
  const hint =
    shown === 'unsupported'
      ? t('outside.unsupported')
      : shown === 'blocked'
        ? t('outside.blocked')
        : t(shown === 'on' ? 'outside.alsoSms' : 'outside.smsOnly')
  return (
    <div
      className="gs-setting"
      aria-hidden={isKnown ? undefined : true}
      style={isKnown ? undefined : { visibility: 'hidden' }}
    >
      {(shown === 'on' || shown === 'off') && (
        <button
          type="button"
          role="switch"
          aria-checked={shown === 'on'}
          aria-describedby={hintId}
          className="gs-switch"
          disabled={isBusy || !isKnown}
          onClick={toggle}
        >
          <span className="gs-setting__label">{t('outside.push')}</span>
          <span className="gs-switch__track" aria-hidden="true" />
        </button>
      )}
      {(shown === 'unsupported' || shown === 'blocked') && (
        <p className="gs-setting__label">{t('outside.title')}</p>
      )}
      <p id={hintId} className="gs-setting__hint">
        {hint}
      </p>
      {hasFailed && <p role="alert">{t('outside.failed')}</p>}
    </div>
  )
}
