import type { MessageBundle } from '@/lib/i18n'
import { enStaff } from './en'
import { zhCNStaff } from './zh-cn'

/** The console's strings in both languages, for addMessages when the console loads. */
export const staffMessages: MessageBundle = { 'zh-CN': zhCNStaff, en: enStaff }
