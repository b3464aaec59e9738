import type en from '../en/common.js';

export default {
  'common.retry': 'إعادة المحاولة',
  'common.save': 'حفظ',
  'common.saving': 'جارٍ الحفظ…',
  'common.cancel': 'إلغاء',
  'common.loading': 'جارٍ التحميل…',
  'common.noCall': 'لا توجد مكالمة جارية.',
  'common.noBackend': 'غير متصل بمركز الاتصال.',
  'common.error.validation': 'يُرجى التحقق من هذا الحقل: {field}.',
  'common.error.not-found': 'تعذّر العثور عليه. ربما أُزيل.',
  'common.error.forbidden': 'ليس لديك إذن بتنفيذ هذا الإجراء.',
  'common.error.conflict': 'غيّر شخص آخر هذا في الوقت نفسه. أعد التحميل وحاول مرة أخرى.',
  'common.error.unavailable': 'تعذّر الوصول إلى الخدمة حاليًا.',
  'common.error.aborted': 'أُلغي الطلب.',
  'common.error.unknown': 'حدث خطأ ما.',
  'common.charCount': '{count} / {max}',
  'phone.required': 'أدخل رقمًا.',
  'phone.invalid-characters': 'استخدم الأرقام فقط، ويمكن أن يبدأ الرقم بعلامة +.',
  // Counts stay out of the noun phrase: Arabic noun agreement changes with the number.
  'phone.too-long': 'الحد الأقصى لعدد الأحرف: {max}.',
  'phone.invalid-number': 'هذا ليس رقم هاتف صالحًا.',
  'duration.hms': '{h}:{m}:{s}',
  'duration.ms': '{m}:{s}',
} satisfies Record<keyof typeof en, string>;
