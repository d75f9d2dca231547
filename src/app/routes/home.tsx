import { useTranslation } from '@/lib/i18n-react'
import { BUILD_ID, formatBuildId } from '@/lib/build-id'
import { ActionLink } from '@/ui/action-link'
import { DraftIcon, PencilIcon, ScanIcon, TicketIcon } from '@/ui/icons'
import { ScreenHeader } from '@/ui/screen-header'
import { paths } from '../paths'
import { LanguageSwitch } from '../shell/language-switch'
import { LargeTextSwitch } from '../shell/large-text-switch'
import { PushSettings } from '@/features/tickets/notify/push-settings'

export function Component() {
  const { t, i18n } = useTranslation()
  return (
    <>
      <ScreenHeader title={t('home.title')} lead={t('home.intro')} />
      <nav aria-label={t('home.actions')}>
        <ul className="gs-actions">
          <li>
            <ActionLink
              to={paths.scan()}
              icon={<ScanIcon />}
              title={t('home.scan')}
              hint={t('home.scanHint')}
              isPrimary
            />
          </li>
          <li>
            <ActionLink
              to={paths.newDraft()}
              icon={<PencilIcon />}
              title={t('home.newDraft')}
              hint={t('home.newDraftHint')}
            />
          </li>
          <li>
            <ActionLink
              to={paths.tickets()}
              icon={<TicketIcon />}
              title={t('home.tickets')}
              hint={t('home.ticketsHint')}
            />
          </li>
          <li>
            <ActionLink
              to={paths.drafts()}
              icon={<DraftIcon />}
              title={t('home.drafts')}
              hint={t('home.draftsHint')}
            />
          </li>
        </ul>
      </nav>
      <section className="gs-settings" aria-labelledby="settings-title">
        <h2 id="settings-title" className="gs-section-title">
          {t('settings.title')}
        </h2>
        <LanguageSwitch />
        <LargeTextSwitch />
        <PushSettings />
      </section>
      <p className="gs-build">{t('app.build', { id: formatBuildId(BUILD_ID, i18n.language) })}</p>
    </>
  )
}
