/**
 * @module
 * The sync engine's public entry. Everything else under src/sync is internal.
 */

// Engine
export { createSyncEngine } from './engine.ts';

// Contract types
export type {
  EngineConfig, EngineOptions, EngineDeps, SyncEngine, CycleSummary, Finding, FindingKind, PlannedAction, SyncObserver,
  ConnectionTestResult, ConnectionTestVerdict, Direction, RuleId,
} from './api.ts';

// State (for tools that inspect a state directory)
export { RepStateStore, shardPath } from './state/rep-state-store.ts';
