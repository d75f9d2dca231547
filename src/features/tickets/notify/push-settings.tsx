import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
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
  if (state === null) return null

  const toggle = () => {
    setIsBusy(true)
    setHasFailed(false)
    const change = loadSubscription().then((push) =>
      state === 'on' ? push.unsubscribePush() : push.subscribePush(i18n.language),
    )
    change
      .then(setState)
      .catch(() => setHasFailed(true))
      .finally(() => setIsBusy(false))
  }
  const hint =
    state === 'unsupported'
      ? t('outside.unsupported')
      : state === 'blocked'
        ? t('outside.blocked')
        : t(state === 'on' ? 'outside.alsoSms' : 'outside.smsOnly')
  return (
    <div className="gs-setting">
      {(state === 'on' || state === 'off') && (
        <button
          type="button"
          role="switch"
          aria-checked={state === 'on'}
          aria-describedby={hintId}
          className="gs-switch"
          disabled={isBusy}
          onClick={toggle}
        >
          <span className="gs-setting__label">{t('outside.push')}</span>
          <span className="gs-switch__track" aria-hidden="true" />
        </button>
      )}
      {(state === 'unsupported' || state === 'blocked') && (
        <p className="gs-setting__label">{t('outside.title')}</p>
      )}
      <p id={hintId} className="gs-setting__hint">
        {hint}
      </p>
      {hasFailed && <p role="alert">{t('outside.failed')}</p>}
    </div>
  )
}
