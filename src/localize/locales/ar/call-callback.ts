import type en from '../en/call-callback.js';

export default {
  'callCallback.title': 'معاودة الاتصال',
  'callCallback.message': 'انقطعت المكالمة بشكل غير طبيعي. معاودة الاتصال بالرقم',
  'callCallback.noNumber': 'انقطعت المكالمة بشكل غير طبيعي، ولا يوجد رقم لمعاودة الاتصال به.',
  'callCallback.button': 'معاودة الاتصال',
  'callCallback.pending': 'جارٍ معاودة الاتصال…',
  'callCallback.done': 'تم إجراء معاودة الاتصال',
  // LRI … PDI keep the number left-to-right inside the Arabic sentence.
  'callCallback.placed': 'جارٍ معاودة الاتصال بالرقم \u2066{number}\u2069.',
  'callCallback.failed': 'تعذّر إجراء معاودة الاتصال.',
} satisfies Record<keyof typeof en, string>;
