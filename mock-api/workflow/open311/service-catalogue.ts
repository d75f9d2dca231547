/**
 * Our five categories as Open311 services, and the attributes a report needs beyond the
 * specification's own fields (description, first_name/last_name, phone). The service code is the
 * category's code; the name is Chinese, with the English in `description`.
 */
import type { BusinessKind, Category } from '../../contract.js'
import { CATEGORIES } from '../../contract.js'
import { DIVISIONS } from '../../shared/divisions.js'
import { REGION_CODE, findDivision } from '../../domain/jurisdiction.js'
import type {
  Open311Attribute,
  Open311Service,
  Open311ServiceDefinition,
} from '../../contract/open311.js'

const REGION_NAME = '广西壮族自治区'

const SERVICES: Readonly<Record<Category, { name: string; english: string; keywords: string }>> = {
  consultation: {
    name: '咨询',
    english: 'Question: about a policy, a procedure or what is required',
    keywords: '政策,办事流程,policy,procedure',
  },
  help: {
    name: '求助',
    english: 'Help: a difficulty in running the business that needs a department’s help',
    keywords: '困难,帮助,difficulty,help',
  },
  suggestion: {
    name: '意见建议',
    english: 'Suggestion: an opinion on government work or an idea to improve it',
    keywords: '意见,建议,opinion,suggestion',
  },
  complaint: {
    name: '投诉',
    english: 'Complaint: about a department or its staff (attitude, conduct, efficiency)',
    keywords: '投诉,态度,效率,complaint,conduct',
  },
  report: {
    name: '举报',
    english: 'Tip-off: information about a breach of law or rules',
    keywords: '举报,违法,违规,tip-off,breach',
  },
}

const BUSINESS_KINDS: Readonly<Record<BusinessKind, string>> = {
  enterprise: '企业',
  individual: '个体工商户',
  cooperative: '农民专业合作社',
}

export const isServiceCode = (code: string): code is Category => Object.hasOwn(SERVICES, code)

export const serviceNameOf = (category: Category): string => SERVICES[category].name

/** The division's full name, region first as Chinese addresses are written: 广西壮族自治区南宁市青秀区. */
export function divisionAddress(code: string): string {
  if (code === REGION_CODE) return REGION_NAME
  const division = findDivision(code)
  if (!division) return REGION_NAME
  const parent = division.parent === REGION_CODE ? '' : (findDivision(division.parent)?.name ?? '')
  return `${REGION_NAME}${parent}${division.name}`
}

export function listServices(): Open311Service[] {
  return CATEGORIES.map((category) => ({
    service_code: category,
    service_name: SERVICES[category].name,
    description: SERVICES[category].english,
    metadata: true,
    type: 'realtime',
    keywords: SERVICES[category].keywords,
    group: '营商环境 (business environment)',
  }))
}

const yesNo = (yes: string) => [
  { key: 'false', name: '否 (no)' },
  { key: 'true', name: `是 (yes): ${yes}` },
]

const ATTRIBUTES: readonly Omit<Open311Attribute, 'order' | 'variable'>[] = [
  {
    code: 'business_name',
    datatype: 'string',
    required: true,
    datatype_description: '最多 100 字 (at most 100 characters)',
    description: '经营主体名称 (the business’s registered name)',
  },
  {
    code: 'credit_code',
    datatype: 'string',
    required: true,
    datatype_description: '18 位统一社会信用代码 (the 18-character unified social credit code)',
    description: '统一社会信用代码 (unified social credit code, GB 32100-2015)',
  },
  {
    code: 'business_kind',
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: null,
    description: '经营主体类型 (kind of business)',
    values: Object.entries(BUSINESS_KINDS).map(([key, name]) => ({ key, name })),
  },
  {
    code: 'division_code',
    datatype: 'singlevaluelist',
    required: true,
    datatype_description: '行政区划代码 (GB/T 2260 division code); address_id is read when absent',
    description: '经营所在地 (where the business is: city or county)',
    values: [REGION_CODE, ...DIVISIONS.map((d) => d.code)].map((key) => ({
      key,
      name: divisionAddress(key),
    })),
  },
  {
    code: 'confidential',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: null,
    description:
      '保密：承办单位看不到反映人身份 (confidential: handling units do not see who reported)',
    values: yesNo('保密 (confidential)'),
  },
  {
    code: 'credit_code_confirmed',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: null,
    description:
      '信用代码校验位不符时确认无误 (confirm a credit code whose check character fails, as some early codes do)',
    values: yesNo('确认 (confirmed)'),
  },
]

export function serviceDefinitionOf(category: Category): Open311ServiceDefinition {
  return {
    service_code: category,
    attributes: ATTRIBUTES.map((attribute, index) => ({
      variable: true,
      order: index + 1,
      ...attribute,
    })),
  }
}
