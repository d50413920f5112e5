/**
 * @module
 * Runs one unit of work per requested item/folder and turns a StoreError into that unit's error ResponseMessage,
 * so a batch answers per item (ResponseClass="Error" for the failures, as Exchange does).
 */
import { errorMessage, successMessage } from '../soap/envelope.ts';
import { StoreError } from '../store/store-error.ts';
import type { OperationResult } from './context.ts';

export interface BatchBuilder {
  messages: string[];
  error?: string;
  /** Runs `work`; its return value is the success content. A StoreError becomes an error message with `emptyContent`. */
  run(work: () => string, emptyContent?: string): boolean;
  result(write: boolean, items?: number): OperationResult;
}

export function batch(operation: string): BatchBuilder {
  const b: BatchBuilder = {
    messages: [],
    run(work, emptyContent = '') {
      try {
        b.messages.push(successMessage(operation, work()));
        return true;
      } catch (error) {
        if (!(error instanceof StoreError)) throw error;
        b.error ??= error.responseCode;
        b.messages.push(
          errorMessage(operation, { responseCode: error.responseCode, message: error.message, ...(error.details ? { details: error.details } : {}) }, emptyContent),
        );
        return false;
      }
    },
    result(write, items) {
      return { messages: b.messages, write, ...(items !== undefined ? { items } : {}), ...(b.error ? { error: b.error } : {}) };
    },
  };
  return b;
}
