import { useId } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { useLargeText } from '@/lib/text-size'

export function LargeTextSwitch() {
  const { t } = useTranslation()
  const hintId = useId()
  const [isLargeText, setLargeText] = useLargeText()
  return (
    <div className="gs-setting">
      <button
        type="button"
        role="switch"
        aria-checked={isLargeText}
        aria-describedby={hintId}
        className="gs-switch"
        onClick={() => setLargeText(!isLargeText)}
      >
        <span className="gs-setting__label">{t('settings.largeText')}</span>
        <span className="gs-switch__track" aria-hidden="true" />
      </button>
      <p id={hintId} className="gs-setting__hint">
        {t('settings.largeTextHint')}
      </p>
    </div>
  )
}
