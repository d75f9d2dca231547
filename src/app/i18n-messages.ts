/**
 * The type of every message key, for t('…'): the owner's strings (lib/locales: the first load's
 * and the other owner screens', loaded with them) and the staff console's
 * (features/staff/common/locales, loaded with the console). Types only: nothing here reaches a
 * bundle.
 */
import type { zhCNStaff } from '@/features/staff/common/locales/zh-cn'
import type { zhCN } from '@/lib/locales/zh-cn'
import type { zhCNScreens } from '@/lib/locales/zh-cn-screens'

declare module '@/lib/translator' {
  interface TranslatorResources {
    translation: typeof zhCN & typeof zhCNScreens & typeof zhCNStaff
  }
}
