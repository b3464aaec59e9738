import type en from '../en/basic-information.js';

export default {
  'basicInfo.title': 'المعلومات الأساسية',
  'basicInfo.none': 'لا يوجد في مركز العملاء سجل للرقم {number}.',
  'basicInfo.create': 'إنشاء عميل',
  'basicInfo.edit': 'تعديل',
  'basicInfo.createTitle': 'عميل جديد',
  'basicInfo.editTitle': 'تعديل العميل',
  'basicInfo.phone': 'رقم الهاتف {n}',
  'basicInfo.addPhone': 'إضافة رقم',
  'basicInfo.removePhone': 'إزالة الرقم {n}',
  // LRI … PDI: without them the + of the country code would be drawn after the digits.
  'basicInfo.phoneHint': 'تُضاف \u2066+{code}\u2069 إلى الأرقام المحلية.',
  'basicInfo.gender.choose': 'غير مذكور',
  'basicInfo.required': 'مطلوب',
  'basicInfo.error.name-required': 'أدخل اسم العميل.',
  'basicInfo.error.name-too-long': 'الحد الأقصى لعدد الأحرف: {max}.',
  'basicInfo.error.phone-required': 'أضف رقم هاتف واحدًا على الأقل.',
  'basicInfo.error.phone-duplicate': 'هذا الرقم موجود بالفعل في القائمة.',
  'basicInfo.error.email': 'هذا ليس عنوان بريد إلكتروني صالحًا.',
  'basicInfo.error.summary': 'يُرجى تصحيح الحقول المميّزة.',
  'basicInfo.created': 'تم إنشاء العميل.',
  'basicInfo.updated': 'تم حفظ بيانات العميل.',
  'basicInfo.authRequired': 'تحقّق من هوية العميل قبل تعديل معلوماته.',
} satisfies Record<keyof typeof en, string>;
