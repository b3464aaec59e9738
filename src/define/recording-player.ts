import { RecordingPlayer } from '../components/recording-player/recording-player.js';
import { defineElement } from './define.js';

defineElement('recording-player', RecordingPlayer);

declare global {
  interface HTMLElementTagNameMap {
    'recording-player': RecordingPlayer;
  }
}
