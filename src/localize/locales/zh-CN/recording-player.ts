import type en from '../en/recording-player.js';

export default {
  'recordingPlayer.label': '录音',
  'recordingPlayer.play': '播放',
  'recordingPlayer.pause': '暂停',
  'recordingPlayer.seek': '播放进度',
  'recordingPlayer.position': '{current} / {total}',
  'recordingPlayer.speed': '倍速',
  'recordingPlayer.rate': '{rate}×',
  'recordingPlayer.loading': '正在加载录音…',
  'recordingPlayer.none': '无录音。',
  'recordingPlayer.notFound': '该录音不可用，可能尚未生成或已被删除。',
  'recordingPlayer.loadFailed': '录音无法播放。',
  'recordingPlayer.keys': '空格键或 K 键播放/暂停；方向键快进或快退 5 秒；Home 和 End 键跳到开头和结尾。',
} satisfies Record<keyof typeof en, string>;
