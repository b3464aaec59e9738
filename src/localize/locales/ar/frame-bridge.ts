import type en from '../en/frame-bridge.js';

export default {
  'frameBridge.connecting': 'جارٍ الاتصال بمنصة العمل…',
  'frameBridge.notFramed': 'افتح هذه الصفحة من الصفحات المنبثقة في منصة العمل: فهي تعرض مكالمة منصة العمل المضمَّنة فيها.',
  'frameBridge.noOrigin': 'هذه الصفحة غير مُعدّة: السمة parent-origin مفقودة أو ليست أصلًا صالحًا.',
} satisfies Record<keyof typeof en, string>;
