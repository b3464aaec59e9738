export default {
  'recordingPlayer.label': 'Recording',
  'recordingPlayer.play': 'Play',
  'recordingPlayer.pause': 'Pause',
  'recordingPlayer.seek': 'Position',
  'recordingPlayer.position': '{current} of {total}',
  'recordingPlayer.speed': 'Speed',
  'recordingPlayer.rate': '{rate}×',
  'recordingPlayer.loading': 'Loading the recording…',
  'recordingPlayer.none': 'No recording.',
  'recordingPlayer.notFound': 'This recording is not available. It may not be ready yet or may have been removed.',
  'recordingPlayer.loadFailed': 'The recording could not be played.',
  'recordingPlayer.keys': 'Space or K plays and pauses; the arrow keys skip 5 seconds; Home and End jump to the start and end.',
} as const;
