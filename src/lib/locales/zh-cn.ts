/**
 * The owner's Chinese that the first load carries: what home, the shell (nav bar, banners, hints,
 * the error screen) and the report form's empty frame (report.html, hydrated before the form's
 * code is there) draw. Every other owner screen's strings are in zh-cn-screens.ts, a chunk that
 * loads with the first lazy screen (lib/i18n.ts, loadScreenMessages). A key moved between the two
 * keeps its name: `t('…')` calls do not change.
 */
import type { zhCNScreens } from './zh-cn-screens'

export const zhCN = {
  app: {
    name: '桂商码',
    homeLink: '桂商码首页',
    back: '返回',
    loading: '正在加载…',
    build: '版本 {{id}}',
  },
  home: {
    title: '反映问题',
    intro: '经营中遇到困难、对政策有疑问或对政府部门有意见，都可以在这里反映，并跟踪办理结果。',
    actions: '您要做什么',
    scan: '扫码反映',
    scanHint: '扫描办事窗口的桂商码',
    newDraft: '无码反映',
    newDraftHint: '不扫码，直接填写',
    tickets: '我的工单',
    ticketsHint: '查看办理进度和答复',
    drafts: '草稿',
    draftsHint: '还没发送的反映，保存在这部手机上',
  },
  settings: {
    title: '显示与语言',
    language: '语言',
    largeText: '大字模式',
    largeTextHint: '放大文字和按钮，看得更清楚',
  },
  offline: { banner: '当前离线' },
  update: { ready: '新版本已就绪', reload: '刷新' },
  categories: {
    consultation: { label: '咨询', hint: '问政策、问办事流程和要求' },
    help: { label: '求助', hint: '经营中遇到困难，需要政府部门帮助解决' },
    suggestion: { label: '意见建议', hint: '对政府工作提出意见或改进建议' },
    complaint: { label: '投诉', hint: '对政府部门或工作人员的态度、作风、效率不满意' },
    report: { label: '举报', hint: '提供违法违规行为的线索' },
    rule: '{{days}}个工作日内办结',
    consultationRule: '能当场答复的当场答复，否则{{days}}个工作日内办结',
  },
  error: {
    title: '出了点问题',
    body: '页面没能打开。您写的草稿都保存在这部手机上，刷新后可以继续。',
    reload: '刷新',
  },
  capabilityHint: {
    label: '这个浏览器的限制',
    offlineAndNotifications:
      '在这里可以照常反映、查看进度和评价，但没有网络时打不开这个页面，也收不到通知。',
    notifications: '在这里可以照常反映、查看进度和评价，但收不到通知。',
    sms: '工单有进展时，会发短信到您留的联系电话。',
    open: {
      wechatIos: '点右上角「···」，选「在Safari中打开」，可离线使用、添加到桌面并接收通知。',
      wechatAndroid: '点右上角「···」，选「在浏览器打开」，可离线使用、添加到桌面并接收通知。',
      alipay: '点右上角「···」，选「在浏览器中打开」，可离线使用、添加到桌面并接收通知。',
      browser: '用手机自带的浏览器打开并添加到桌面，可离线使用并接收通知。',
    },
    dismiss: '不再提示',
  },
  draft: {
    title: '填写反映',
    category: '反映类别',
  },
  outside: {
    title: '不打开应用也能收到进展',
    push: '在本机推送通知',
    unsupported:
      '此浏览器没有推送服务（许多国内安卓手机和微信内打开时如此），进展将通过短信发送到您填写的联系电话。',
    blocked:
      '本机已禁止通知。进展将通过短信发送到您填写的联系电话；如需推送，请在浏览器设置中允许通知。',
    alsoSms: '重要进展同时以短信发送到联系电话（可在每个工单中关闭）。',
    smsOnly: '进展将以短信发送到联系电话（可在每个工单中关闭）。',
    failed: '没有保存成功，请稍后再试。',
  },
}

/** The shape every language must fill: the same keys as Chinese (both parts), any text. */
export type Messages = Strings<typeof zhCN & typeof zhCNScreens>
export type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> } & {
  /** Chinese has one form for every number (key_other); English adds its singular, key_one. */
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_one` : never]?: string
}
