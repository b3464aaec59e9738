import type en from '../en/workbench-provider.js';

export default {
  'provider.stream.reconnecting': '与联络中心的连接已断开，正在重新连接…',
} satisfies Record<keyof typeof en, string>;
