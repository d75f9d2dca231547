import { useId } from 'react'
import { useTranslation } from '@/lib/i18n-react'
import { LANGUAGE_NAMES, LANGUAGES } from '@/lib/i18n'

export function LanguageSwitch() {
  const { t, i18n } = useTranslation()
  const labelId = useId()
  return (
    <div className="gs-setting">
      <span id={labelId} className="gs-setting__label">
        {t('settings.language')}
      </span>
      <div role="group" aria-labelledby={labelId} className="gs-segmented">
        {LANGUAGES.map((language) => (
          <button
            key={language}
            type="button"
            lang={language}
            aria-pressed={i18n.language === language}
            className="gs-segmented__option"
            onClick={() => void i18n.changeLanguage(language)}
          >
            {LANGUAGE_NAMES[language]}
          </button>
        ))}
      </div>
    </div>
  )
}
