/**
 * @module
 * The shapes the Exchange store keeps: mailboxes → folders → items, and each folder's change journal. Everything
 * here is plain JSON so `snapshot()` is `JSON.stringify` and SyncStates stay valid across a restore (SIM-EX-01).
 */
import type { ExchangeVersionName } from '../world.ts';

export type ItemKind = 'Contact' | 'CalendarItem';
export type FolderClass = 'IPF.Note' | 'IPF.Contact' | 'IPF.Appointment';

/** Distinguished folders the sim models; anything else a client names is answered "not implemented". */
export const DISTINGUISHED_FOLDERS = ['msgfolderroot', 'root', 'contacts', 'calendar', 'deleteditems', 'inbox'] as const;
export type DistinguishedFolder = (typeof DISTINGUISHED_FOLDERS)[number];

export interface StoredFolder {
  /** Internal key, stable for the folder's life (e.g. "f12"). */
  uid: string;
  /** EWS FolderId as clients see it. */
  folderId: string;
  changeKey: string;
  mailbox: string;
  parentUid?: string;
  distinguished?: DistinguishedFolder;
  displayName: string;
  folderClass: FolderClass;
}

/** One extended (MAPI named or tagged) property, keyed the way ExtendedFieldURI names it. */
export interface ExtendedValue {
  /** Canonical key built by `extendedKey()`; two URIs that name the same property give the same key. */
  key: string;
  uri: Record<string, string>;
  /** Scalar properties keep `value`; *Array types keep `values`. */
  value?: string;
  values?: string[];
}

/** Property values by EWS element name (Subject, Start, EmailAddresses, …). Shapes are documented in items/values.ts. */
export type ItemProps = Record<string, unknown>;

export interface StoredItem {
  /** Internal stable id for scenario refs and expectations; never changes, not even on a move. */
  uid: string;
  /** Scenario handle, when the world or an action gave one. */
  ref?: string;
  kind: ItemKind;
  mailbox: string;
  folderUid: string;
  /** Current EWS ItemId; a new one after every move (SIM-EX-02). */
  itemId: string;
  changeKey: string;
  /** Bumped on every change; the ChangeKey is derived from it. */
  version: number;
  /** Increments on every move, so the next ItemId differs. */
  moves: number;
  created: number;
  modified: number;
  props: ItemProps;
  extended: ExtendedValue[];
}

export type JournalOp = 'create' | 'update' | 'delete';

export interface JournalEntry {
  seq: number;
  uid: string;
  op: JournalOp;
  /** The ItemId the item had in this folder at that moment (a Delete reports it). */
  itemId: string;
  changeKey: string;
}

export interface StoredMailbox {
  address: string;
  displayName: string;
  version: ExchangeVersionName;
  /** CON-01 negative path: CreateFolder fails for this mailbox. */
  denyFolderCreation?: boolean;
}

export interface StoreSnapshot {
  format: 'synclab-exchange-store/1';
  /** Changes on reset, so a SyncState from before a reset is refused rather than silently misread. */
  epoch: string;
  seq: number;
  nextUid: number;
  mailboxes: StoredMailbox[];
  folders: StoredFolder[];
  items: StoredItem[];
  journals: Record<string, JournalEntry[]>;
}
