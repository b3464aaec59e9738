import type en from '../en/screen-popup.js';

export default {
  'screenPopup.title': '弹屏页面',
  'screenPopup.empty': '未配置弹屏页面。',
  'screenPopup.loadFailed': '无法加载弹屏页面。',
  'screenPopup.untitled': '未命名页面',
  'screenPopup.omitted': '最多显示 {max} 个页面。未显示：{titles}。',
  'screenPopup.frameTitle': '{title}（第三方页面）',
  'screenPopup.window.note': '“{title}”在单独的窗口中打开，并接收通话信息。',
  'screenPopup.window.open': '打开{title}',
  'screenPopup.window.opened': '已在新窗口中打开“{title}”。',
  'screenPopup.refused': '未加载“{title}”：{reason}',
  'screenPopup.refused.invalid-url': '其地址不是有效的 URL。',
  'screenPopup.refused.scheme': '只能加载 https 地址。',
  'screenPopup.refused.insecure': '它未使用 https。',
  'screenPopup.refused.credentials': '其地址包含用户名或密码。',
  'screenPopup.refused.trailing-dot': '其主机名以点号结尾。',
  'screenPopup.refused.same-origin': '它与工作台同源，沙箱无法生效。',
  'screenPopup.refused.untrusted': '其来源 {origin} 不在可信来源列表中。',
  'screenPopup.refused.csp': '本页面的安全策略（frame-src）不允许 {origin}。请联系管理员添加。',
} satisfies Record<keyof typeof en, string>;
