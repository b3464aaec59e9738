import type en from '../en/screen-popup.js';

export default {
  'screenPopup.title': 'الصفحات المنبثقة',
  'screenPopup.empty': 'لا توجد صفحات منبثقة مُعدّة.',
  'screenPopup.loadFailed': 'تعذّر تحميل الصفحات المنبثقة.',
  'screenPopup.untitled': 'صفحة بلا عنوان',
  'screenPopup.omitted': 'الحد الأقصى لعدد الصفحات المعروضة {max}. لم تُعرض: {titles}.',
  'screenPopup.frameTitle': '{title} (صفحة جهة خارجية)',
  'screenPopup.window.note': 'تُفتح «{title}» في نافذة مستقلة وتتلقى تفاصيل المكالمة.',
  'screenPopup.window.open': 'فتح {title}',
  'screenPopup.window.opened': 'فُتحت «{title}» في نافذة جديدة.',
  'screenPopup.refused': 'لم تُحمَّل «{title}»: {reason}',
  'screenPopup.refused.invalid-url': 'عنوانها ليس عنوان URL صالحًا.',
  'screenPopup.refused.scheme': 'لا يمكن تحميل إلا عناوين https.',
  'screenPopup.refused.insecure': 'لا تستخدم https.',
  'screenPopup.refused.credentials': 'يحتوي عنوانها على اسم مستخدم أو كلمة مرور.',
  'screenPopup.refused.trailing-dot': 'ينتهي اسم المضيف في عنوانها بنقطة.',
  'screenPopup.refused.same-origin': 'إنها على أصل منصة العمل نفسه، حيث لا يصمد عزلها (sandbox).',
  // LRI … PDI keep the origin (a URL) left-to-right inside the Arabic sentence.
  'screenPopup.refused.untrusted': 'أصلها \u2066{origin}\u2069 ليس في قائمة الأصول الموثوقة.',
  'screenPopup.refused.csp': 'سياسة الأمان لهذه الصفحة (frame-src) لا تسمح بالأصل \u2066{origin}\u2069. اطلب من المسؤول إضافته.',
} satisfies Record<keyof typeof en, string>;
