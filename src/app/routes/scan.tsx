import { useTranslation } from '@/lib/i18n-react'
import { Link, useNavigate } from 'react-router'
import { Scanner } from '@/features/scan/scanner'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { ButtonRow, buttonClass } from '@/ui/button'

// The code travels as a URL, the same one the phone's own camera opens (code.tsx).
export function Component() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <>
      <ScreenHeader title={t('scan.title')} lead={t('scan.what')} />
      <Scanner
        onCode={(token) => void navigate(paths.code(token), { replace: true })}
        onLink={(path) => void navigate(path, { replace: true })}
      />
      <p className="gs-note">{t('scan.withoutCode')}</p>
      <ButtonRow>
        <Link to={paths.newDraft()} className={buttonClass({ variant: 'secondary', block: true })}>
          {t('scan.newDraft')}
        </Link>
      </ButtonRow>
    </>
  )
}
