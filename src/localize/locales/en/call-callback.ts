export default {
  'callCallback.title': 'Callback',
  'callCallback.message': 'The call was disconnected abnormally. Call back',
  'callCallback.noNumber': 'The call was disconnected abnormally, and there is no number to call back.',
  'callCallback.button': 'Callback',
  'callCallback.pending': 'Calling back…',
  'callCallback.done': 'Callback placed',
  'callCallback.placed': 'Calling back {number}.',
  'callCallback.failed': 'The callback could not be placed.',
} as const;
