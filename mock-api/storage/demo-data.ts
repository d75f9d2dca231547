// What demo mode seeds: the region desk and two cities, each with service points, handling units
// and their responsibility lists, and one staff account per role. Ids are stable slugs so seeding
// is idempotent and tests can name them.
import type { Category, StaffRole } from '../contract.js'

type Area = { slug: string; code: string; name: string; level: 'region' | 'city' }

export const DEMO_AREAS: readonly Area[] = [
  { slug: 'region', code: '450000', name: '广西壮族自治区', level: 'region' },
  { slug: 'nanning', code: '450100', name: '南宁市', level: 'city' },
  { slug: 'liuzhou', code: '450200', name: '柳州市', level: 'city' },
]

type Duty = { category: Category | null; topic: string; keywords: readonly string[] }
type UnitKind = { key: string; name: (area: Area) => string; duties: readonly Duty[] }

const regionOr = (area: Area, region: string, city: string) =>
  area.level === 'region' ? `${area.name}${region}` : `${area.name}${city}`

export const DEMO_UNIT_KINDS: readonly UnitKind[] = [
  {
    key: 'amr',
    name: (area) => `${area.name}市场监督管理局`,
    duties: [
      {
        category: null,
        topic: '经营主体登记注册、年报、市场秩序、价格与计量、知识产权',
        keywords: [
          '营业执照',
          '登记',
          '注册',
          '变更',
          '注销',
          '年报',
          '经营范围',
          '商标',
          '价格',
          '计量',
        ],
      },
      {
        category: 'report',
        topic: '无证无照经营、假冒伪劣、食品安全违法行为',
        keywords: ['无证', '无照', '假冒', '伪劣', '食品安全', '过期'],
      },
      {
        // Issue 17: a help request about a food business licence found no unit, since 食品安全
        // was only listed for reports. Licensing is the regulator's for every kind of request.
        category: null,
        topic: '食品经营许可、食品生产许可、特种设备与药品经营许可',
        keywords: ['食品经营', '食品生产', '经营许可', '小餐饮', '特种设备', '药品经营'],
      },
    ],
  },
  {
    key: 'tax',
    name: (area) => `国家税务总局${area.name}税务局`,
    duties: [
      {
        category: null,
        topic: '纳税申报、发票、税费优惠与退税',
        keywords: ['税', '发票', '纳税', '退税', '留抵', '减免', '增值税', '个税', '社保费'],
      },
    ],
  },
  {
    key: 'hrss',
    name: (area) => regionOr(area, '人力资源和社会保障厅', '人力资源和社会保障局'),
    duties: [
      {
        category: null,
        topic: '招聘用工、社会保险、劳动关系、职业培训',
        keywords: ['社保', '招聘', '用工', '劳动合同', '工资', '欠薪', '培训', '稳岗', '失业保险'],
      },
    ],
  },
  {
    key: 'housing',
    name: (area) => regionOr(area, '住房和城乡建设厅', '住房和城乡建设局'),
    duties: [
      {
        category: null,
        topic: '工程建设审批、建筑业资质、房屋与物业',
        keywords: ['施工许可', '工程', '建筑', '资质', '竣工验收', '房屋', '物业', '燃气'],
      },
    ],
  },
  {
    key: 'commerce',
    name: (area) => regionOr(area, '商务厅', '商务局'),
    duties: [
      {
        category: null,
        topic: '外贸进出口、招商引资、电子商务、促消费',
        keywords: ['外贸', '进出口', '出口', '招商', '外资', '电商', '展会', '消费券'],
      },
    ],
  },
]

export const demoUnitId = (areaSlug: string, kind: string): string => `${areaSlug}-${kind}`

export type DemoServicePoint = {
  id: string
  hall: string
  window: string
  divisionCode: string
  deskDivisionCode: string
}

export const DEMO_SERVICE_POINTS: readonly DemoServicePoint[] = [
  point('sp-region-center-1', '广西壮族自治区政务服务中心', '1号窗口', '450000', '450000'),
  point('sp-nanning-center-3', '南宁市政务服务中心', '3号窗口', '450100', '450100'),
  point('sp-nanning-qingxiu-1', '青秀区政务服务中心', '1号窗口', '450103', '450100'),
  point('sp-nanning-wuming-2', '武鸣区政务服务中心', '2号窗口', '450110', '450100'),
  point('sp-liuzhou-center-5', '柳州市政务服务中心', '5号窗口', '450200', '450200'),
  point('sp-liuzhou-liunan-2', '柳南区政务服务中心', '2号窗口', '450204', '450200'),
]

function point(id: string, hall: string, window: string, division: string, desk: string) {
  return { id, hall, window, divisionCode: division, deskDivisionCode: desk }
}

export type DemoStaff = {
  username: string
  displayName: string
  role: StaffRole
  divisionCode: string | null
  unitId: string | null
  servicePointId?: string
}

export const DEMO_STAFF: readonly DemoStaff[] = [
  staff('desk.region', '自治区专席', 'desk', '450000'),
  staff('desk.nanning', '南宁市专席', 'desk', '450100'),
  staff('desk.liuzhou', '柳州市专席', 'desk', '450200'),
  staff('unit.nanning.amr', '南宁市市场监督管理局', 'unit', '450100', demoUnitId('nanning', 'amr')),
  staff('office.nanning', '南宁市工作小组办公室', 'office', '450100'),
  staff('office.region', '自治区工作小组办公室', 'office', '450000'),
  staff('admin', '系统管理员', 'admin', null),
  // Issue 16: a window clerk at 南宁市政务服务中心 3号窗口 and the 青秀区 12345 workstation.
  {
    ...staff('window.nanning', '南宁市政务服务中心 3号窗口', 'window', '450100'),
    servicePointId: 'sp-nanning-center-3',
  },
  staff('station.qingxiu', '青秀区12345工作站', 'workstation', '450103'),
]

function staff(
  username: string,
  displayName: string,
  role: StaffRole,
  divisionCode: string | null,
  unitId: string | null = null,
): DemoStaff {
  return { username, displayName, role, divisionCode, unitId }
}
