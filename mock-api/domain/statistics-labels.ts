// Chinese labels for statistics groups, as the office reads them in charts and in Excel.
import type { Category, Channel, StatisticsGrouping } from '../contract.js'
import { REGION_CODE, findDivision } from './jurisdiction.js'
import { NO_UNIT_KEY } from './statistics.js'

export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  consultation: '咨询',
  help: '求助',
  suggestion: '意见建议',
  complaint: '投诉',
  report: '举报',
}

export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  app_code: '扫码反映',
  app: '手机反映',
  phone: '12345热线',
  window: '窗口受理',
  handed_down: '上级转办交办',
}

const isChannel = (key: string): key is Channel => Object.hasOwn(CHANNEL_LABELS, key)

const isCategory = (key: string): key is Category => Object.hasOwn(CATEGORY_LABELS, key)

/** '2026-02' → '2026年2月'. */
const monthLabel = (key: string) => `${key.slice(0, 4)}年${Number(key.slice(5, 7))}月`

export function groupLabelOf(
  groupBy: StatisticsGrouping,
  key: string,
  unitNames: ReadonlyMap<string, string>,
): string {
  switch (groupBy) {
    case 'category':
      return isCategory(key) ? CATEGORY_LABELS[key] : key
    case 'city':
      return key === REGION_CODE ? '自治区本级' : (findDivision(key)?.name ?? key)
    case 'unit':
      return key === NO_UNIT_KEY ? '未分派' : (unitNames.get(key) ?? key)
    case 'month':
      return monthLabel(key)
    case 'channel':
      return isChannel(key) ? CHANNEL_LABELS[key] : key
  }
}
