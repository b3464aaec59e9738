import type en from '../en/workbench-provider.js';

export default {
  'provider.stream.reconnecting': 'انقطع الاتصال بمركز الاتصال. جارٍ إعادة الاتصال…',
} satisfies Record<keyof typeof en, string>;
