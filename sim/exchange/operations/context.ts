/**
 * @module
 * What every EWS operation handler gets and returns. Handlers are pure over the store: parse the operation element,
 * resolve against the store, serialize ResponseMessages. The dispatcher wraps them in the envelope and the trace.
 */
import type { Clock } from '#time/clock.ts';
import type { SoapRequest } from '../soap/envelope.ts';
import type { XmlElement } from '../soap/xml.ts';
import type { ExchangeStore } from '../store/store.ts';
import type { StoredMailbox } from '../store/types.ts';

export interface OperationContext {
  store: ExchangeStore;
  /** The mailbox the request acts on (impersonated, or the logged-on principal's own). */
  mailbox: StoredMailbox;
  request: SoapRequest;
  clock: Clock;
}

export interface OperationResult {
  /** Serialized `<m:{Op}ResponseMessage>` elements, in request order. */
  messages: string[];
  /** Whether server state changed (the trace's write flag, G-02). */
  write: boolean;
  /** Items touched, where meaningful. */
  items?: number;
  /** First error ResponseCode among the messages, for the trace. */
  error?: string;
}

export type OperationHandler = (operation: XmlElement, ctx: OperationContext) => OperationResult;
