/*
 * The package's main entry: classes, contexts, types and backends.
 * It registers no tag; import `av-workbench/define/<tag>.js` (or
 * `define/all.js`) for that.
 */
export * from './context/index.js';
export * from './backend/index.js';
export * from './events/context-events.js';
export { LocalizeController } from './controllers/localize-controller.js';
export { SUPPORTED_LOCALES, type SupportedLocale, loadLocale, resolveLocale } from './localize/registry.js';
export { normalizePhone, toE164, checkHandledNumber, samePhone, type PhoneCheck, type PhoneProblem } from './util/phone.js';
export { isValidEmail } from './util/email.js';
export { lightTokens, darkTokens } from './themes/tokens.js';
export { defineElement } from './define/define.js';

export { WorkbenchProvider } from './components/workbench-provider/workbench-provider.js';
export { CallMessage } from './components/call-message/call-message.js';
export { HandledNumberChangeRequestEvent } from './components/call-message/call-message.events.js';
export { CallReason } from './components/call-reason/call-reason.js';
export * from './components/call-reason/call-reason.events.js';
export { HarassmentRecordPanel } from './components/harassment-record/harassment-record.js';
export * from './components/harassment-record/harassment-record.events.js';
export { IdentityAuth } from './components/identity-auth/identity-auth.js';
export * from './components/identity-auth/identity-auth.events.js';
export { CallCallback } from './components/call-callback/call-callback.js';
export * from './components/call-callback/call-callback.events.js';
export { RealtimeTransfer } from './components/realtime-transfer/realtime-transfer.js';
export * from './components/realtime-transfer/realtime-transfer.events.js';
export { NotifySms } from './components/notify-sms/notify-sms.js';
export { NotifyEmail } from './components/notify-email/notify-email.js';
export { NotifyWhatsapp } from './components/notify-whatsapp/notify-whatsapp.js';
export * from './internal/notify-composer.events.js';
export { countSms, smsEncoding, SMS_LIMITS, type SmsCount, type SmsEncoding } from './util/sms.js';
export { fillTemplate, templateVariables, type FilledTemplate, type TemplatePart, type TemplateValues } from './util/template.js';
export { CustomerInfo } from './components/customer-info/customer-info.js';
export { HistoryContacts } from './components/history-contacts/history-contacts.js';
export { ContactRecords } from './components/contact-records/contact-records.js';
export { ContactRecordDetail } from './components/contact-record-detail/contact-record-detail.js';
export { RecordingPlayer } from './components/recording-player/recording-player.js';
export { BasicInformation } from './components/basic-information/basic-information.js';
export { validateRules, styleFor, maskValue, type RuleProblem, type FieldStyle } from './util/field-style-rules.js';
export { defineAll, type DefineAllOptions, type WorkbenchTag } from './internal/define-all.js';
export { ConnectionBar } from './components/connection-bar/connection-bar.js';
export * from './components/connection-bar/connection-bar.events.js';
export { ScreenPopup } from './components/screen-popup/screen-popup.js';
export * from './components/screen-popup/screen-popup.events.js';
export { WorkbenchFrameBridge, type FrameBridgeStatus } from './components/workbench-frame-bridge/workbench-frame-bridge.js';
export * from './components/workbench-frame-bridge/workbench-frame-bridge.events.js';
export { checkPopupUrl, buildPopupUrl, popupParams, POPUP_PARAM_NAMES, type PopupUrlProblem, type PopupUrlCheck } from './util/popup-url.js';
export { READ_ONLY_METHODS, FRAME_PROTOCOL, FRAME_PROTOCOL_VERSION, type FrameContextSnapshot } from './internal/frame-protocol.js';
export { AvWorkbench } from './components/av-workbench/av-workbench.js';
export * from './components/av-workbench/av-workbench.events.js';
