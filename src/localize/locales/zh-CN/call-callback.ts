import type en from '../en/call-callback.js';

export default {
  'callCallback.title': '回呼',
  'callCallback.message': '通话异常断开。回呼号码',
  'callCallback.noNumber': '通话异常断开，且没有可回呼的号码。',
  'callCallback.button': '回呼',
  'callCallback.pending': '正在回呼…',
  'callCallback.done': '已回呼',
  'callCallback.placed': '正在回呼 {number}。',
  'callCallback.failed': '回呼失败。',
} satisfies Record<keyof typeof en, string>;
