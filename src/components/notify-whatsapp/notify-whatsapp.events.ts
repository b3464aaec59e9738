/*
 * The three composers share their events; they are defined once, beside the
 * composer base class, and re-exported here so each tag's events are found by
 * its name.
 */
export { NotificationSendRequestEvent, NotificationSentEvent } from '../../internal/notify-composer.events.js';
