/**
 * The type of every message key, for t('…'): the owner's strings (lib/locales, in the first
 * load) and the staff console's (features/staff/common/locales, loaded with the console). Types
 * only: nothing here reaches a bundle.
 */
import type { zhCNStaff } from '@/features/staff/common/locales/zh-cn'
import type { zhCN } from '@/lib/locales/zh-cn'

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof zhCN & typeof zhCNStaff }
  }
}
