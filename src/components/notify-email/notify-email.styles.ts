import { notifyComposerStyles } from '../../internal/notify-composer.styles.js';

/* The composers share one look; a channel adds rules here only when it needs its own. */
export const styles = [...notifyComposerStyles];
