/**
 * Wraps text in Unicode isolate marks (LRI … PDI) so a phone number inside a
 * translated sentence keeps its own direction in a right-to-left layout.
 */
export const isolate = (text: string) => `\u2066${text}\u2069`;
