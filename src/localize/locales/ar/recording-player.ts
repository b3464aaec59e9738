import type en from '../en/recording-player.js';

export default {
  'recordingPlayer.label': 'التسجيل',
  'recordingPlayer.play': 'تشغيل',
  'recordingPlayer.pause': 'إيقاف مؤقت',
  'recordingPlayer.seek': 'الموضع',
  'recordingPlayer.position': '{current} من {total}',
  'recordingPlayer.speed': 'السرعة',
  'recordingPlayer.rate': '{rate}×',
  'recordingPlayer.loading': 'جارٍ تحميل التسجيل…',
  'recordingPlayer.none': 'لا يوجد تسجيل.',
  'recordingPlayer.notFound': 'هذا التسجيل غير متاح. ربما لم يصبح جاهزًا بعد أو أُزيل.',
  'recordingPlayer.loadFailed': 'تعذّر تشغيل التسجيل.',
  'recordingPlayer.keys': 'مفتاح المسافة أو K للتشغيل والإيقاف المؤقت؛ مفاتيح الأسهم للتقديم أو الإرجاع 5 ثوانٍ؛ Home وEnd للانتقال إلى البداية والنهاية.',
} satisfies Record<keyof typeof en, string>;
