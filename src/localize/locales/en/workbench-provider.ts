export default {
  'provider.stream.reconnecting': 'Connection to the contact center lost. Reconnecting…',
} as const;
