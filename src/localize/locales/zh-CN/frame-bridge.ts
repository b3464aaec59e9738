import type en from '../en/frame-bridge.js';

export default {
  'frameBridge.connecting': '正在连接工作台…',
  'frameBridge.notFramed': '请从工作台的弹屏页面打开此页面：它显示所嵌入工作台的通话。',
  'frameBridge.noOrigin': '此页面未正确配置：parent-origin 属性缺失或不是有效的来源。',
} satisfies Record<keyof typeof en, string>;
