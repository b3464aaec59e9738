import { createContext } from '@lit/context';
import type { StreamStatus, TranscriptSegment, WorkbenchBackend, WorkbenchEvent } from '../backend/types.js';
import type { Agent, CallSession, Customer, IdentityAuthResult, WorkbenchConfig } from './types.js';

/*
 * Keys come from Symbol.for so that two copies of the library on one page
 * (a host bundle and a tenant's standalone script) still find each other.
 */
export const callContext = createContext<CallSession | null>(Symbol.for('av-workbench/call'));
export const agentContext = createContext<Agent | null>(Symbol.for('av-workbench/agent'));
export const customerContext = createContext<Customer | null>(Symbol.for('av-workbench/customer'));
export const identityAuthContext = createContext<IdentityAuthResult | null>(
  Symbol.for('av-workbench/identity-auth'),
);
export const configContext = createContext<WorkbenchConfig>(Symbol.for('av-workbench/config'));
export const localeContext = createContext<string>(Symbol.for('av-workbench/locale'));
export const backendContext = createContext<WorkbenchBackend | null>(Symbol.for('av-workbench/backend'));

/**
 * The live event feed of the provider's stream, for panels that need every
 * event rather than the latest snapshot (the transcript). The hub object is
 * stable for the provider's life; subscribe to it.
 */
export const eventHubContext = createContext<WorkbenchEventHub | null>(Symbol.for('av-workbench/event-hub'));

export interface WorkbenchEventHub {
  /** Called for every event from the stream, in order. Returns an unsubscribe function. */
  subscribe(listener: (event: WorkbenchEvent) => void): () => void;
  /** Called when the stream's status changes. */
  onStatus(listener: (status: StreamStatus) => void): () => void;
  /** The current call's transcript so far: one entry per segment id, partials replaced by finals. */
  transcript(): readonly TranscriptSegment[];
  /** The sequence number of the last event received. */
  readonly lastSeq: number;
  readonly status: StreamStatus;
}
