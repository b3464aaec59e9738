/*
 * `<basic-information>` reports a saved customer with the shared context
 * event, which the provider listens for; it is re-exported here so the
 * element's events are found by its name.
 */
export { CustomerSavedEvent } from '../../events/context-events.js';
