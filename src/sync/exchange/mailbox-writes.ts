/**
 * @module
 * Writing to one rep's mailbox in batches (CreateItem / UpdateItem / DeleteItem, ≤ ewsBatchSize items each). Batch
 * calls resolve even when some items fail, so every result is per item: the apply step commits the ones that worked
 * and turns each failure into a LightningSyncError (ERR-01). Writes are never retried after a timeout or a dropped
 * connection — the server may have applied them; the next cycle's matching reconciles (G-04, G-05).
 */
import {
  AffectedTaskOccurrence, Appointment, BasePropertySet, ConflictResolutionMode, Contact, DeleteMode, FolderId, ItemId,
  PropertySet, SendCancellationsMode, SendInvitationsMode, SendInvitationsOrCancellationsMode, ServiceResult,
  WellKnownFolderName, MessageDisposition, type ExchangeService, type Item, type ServiceResponse,
} from 'ews-javascript-api';
import type { ExContactFields, ExEvent } from '../model.ts';
import { writeContactFields } from './contact-properties.ts';
import { contactUpdateDefinitions, writeContactUpdate } from './contact-update.ts';
import { callEws, type EwsCallContext } from './ews-call.ts';
import { toEwsError } from './ews-error.ts';
import { eventPropertySet, writeEvent } from './event-properties.ts';
import { EXTENDED, stampItem } from './extended-properties.ts';

export type ItemResult = { ok: true; itemId: string; changeKey: string } | { ok: false; code: string; message: string };

export interface NewContact {
  fields: ExContactFields;
  stamp: { orgId: string; recordId: string };
}

export interface NewEvent {
  event: Partial<ExEvent>;
  stamp: { orgId: string; recordId: string };
}

export class MailboxWriter {
  constructor(readonly service: ExchangeService, readonly ctx: EwsCallContext, readonly batchSize: number) {}

  createContacts(folderId: string, contacts: NewContact[]): Promise<ItemResult[]> {
    return this.#batched(contacts, async (batch) => {
      const items = batch.map((c) => {
        const contact = new Contact(this.service);
        writeContactFields(contact, c.fields, { fileAs: true });
        stampItem(contact, c.stamp);
        return contact;
      });
      const responses = await callEws(this.ctx, 'CreateItem', () =>
        this.service.CreateItems(items, new FolderId(folderId), MessageDisposition.SaveOnly, null as unknown as SendInvitationsMode),
      );
      return itemResults(responses.Responses, items, 'CreateItem');
    });
  }

  createEvents(events: NewEvent[]): Promise<ItemResult[]> {
    return this.#batched(events, async (batch) => {
      const items = batch.map((e) => {
        const appointment = new Appointment(this.service);
        writeEvent(appointment, e.event);
        stampItem(appointment, e.stamp);
        return appointment;
      });
      const responses = await callEws(this.ctx, 'CreateItem', () =>
        this.service.CreateItems(items, new FolderId(WellKnownFolderName.Calendar), null as unknown as MessageDisposition, SendInvitationsMode.SendToNone),
      );
      return itemResults(responses.Responses, items, 'CreateItem');
    });
  }

  /**
   * Binds the items (IdOnly + the touched properties, one GetItem per batch), sets the fields, UpdateItems. Address
   * parts travel as PSETID_Address named properties; a field the client would drop fails its item (contact-update.ts).
   */
  updateContacts(updates: Array<{ exId: string; set: ExContactFields }>): Promise<ItemResult[]> {
    return this.#batched(updates, async (batch) => {
      const names = new Set(batch.flatMap((u) => Object.keys(u.set)));
      const set = new PropertySet(BasePropertySet.IdOnly, contactUpdateDefinitions(names));
      return this.#bindAndUpdate(batch.map((u) => u.exId), set, (item, i) => writeContactUpdate(item as Contact, batch[i]!.set), ConflictResolutionMode.AutoResolve);
    });
  }

  /**
   * Stamps existing items with the org and record they are paired with (after an EX→SF create), so a later move out
   * of Salesforce_Sync (CON-02), a crash (G-05) or a second org (ORG-01) can recognise them. Touches nothing else.
   */
  stampItems(stamps: Array<{ exId: string; stamp: { orgId: string; recordId: string } }>, loaded: Map<string, Item> = new Map()): Promise<ItemResult[]> {
    return this.#batched(stamps, async (batch) => {
      // Items loaded this cycle are updated as they are (their ChangeKey is current); only the others are bound first.
      if (batch.every((s) => loaded.has(s.exId))) {
        const items = batch.map((s) => {
          const item = loaded.get(s.exId)!;
          stampItem(item, s.stamp);
          return item;
        });
        const responses = await callEws(this.ctx, 'UpdateItem', () =>
          this.service.UpdateItems(items, null as unknown as FolderId, ConflictResolutionMode.AutoResolve, MessageDisposition.SaveOnly, SendInvitationsOrCancellationsMode.SendToNone),
        );
        return itemResults(responses.Responses, items, 'UpdateItem');
      }
      return this.#bindAndUpdate(batch.map((s) => s.exId), new PropertySet(BasePropertySet.IdOnly, [EXTENDED.salesforceOrgId, EXTENDED.salesforceRecordId]),
        (item, i) => stampItem(item, batch[i]!.stamp), ConflictResolutionMode.AutoResolve);
    });
  }

  updateEvents(updates: Array<{ exId: string; set: Partial<ExEvent> }>): Promise<ItemResult[]> {
    return this.#batched(updates, async (batch) =>
      this.#bindAndUpdate(batch.map((u) => u.exId), eventPropertySet(), (item, i) => writeEvent(item as Appointment, batch[i]!.set), ConflictResolutionMode.AlwaysOverwrite),
    );
  }

  /** Soft delete to Deleted Items (the rep can still recover it), no cancellations sent (EVT-05, EVT-07). */
  deleteItems(ids: string[]): Promise<ItemResult[]> {
    return this.#batched(ids, async (batch) => {
      const responses = await callEws(this.ctx, 'DeleteItem', () =>
        this.service.DeleteItems(batch.map((id) => new ItemId(id)), DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToNone, AffectedTaskOccurrence.AllOccurrences),
      );
      return responses.Responses.map((r, i): ItemResult => {
        if (r.Result !== ServiceResult.Error) return { ok: true, itemId: batch[i]!, changeKey: '' };
        const error = toEwsError(r, 'DeleteItem');
        // Already gone is what we wanted.
        return error.code === 'ErrorItemNotFound' ? { ok: true, itemId: batch[i]!, changeKey: '' } : { ok: false, code: error.code, message: error.message };
      });
    });
  }

  async #bindAndUpdate(ids: string[], set: PropertySet, apply: (item: Item, index: number) => void, mode: ConflictResolutionMode): Promise<ItemResult[]> {
    const bound = await callEws(this.ctx, 'GetItem', () => this.service.BindToItems(ids.map((id) => new ItemId(id)), set), { idempotent: true });
    const results: ItemResult[] = new Array(ids.length);
    const items: Item[] = [];
    const slots: number[] = [];
    bound.Responses.forEach((response, i) => {
      if (response.Result === ServiceResult.Error) {
        const error = toEwsError(response, 'GetItem');
        results[i] = { ok: false, code: error.code, message: error.message };
        return;
      }
      try {
        apply(response.Item, i);
        items.push(response.Item);
        slots.push(i);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        results[i] = { ok: false, code: typeof code === 'string' ? code : 'InvalidValue', message: (error as Error).message };
      }
    });
    if (items.length > 0) {
      const responses = await callEws(this.ctx, 'UpdateItem', () =>
        this.service.UpdateItems(items, null as unknown as FolderId, mode, MessageDisposition.SaveOnly, SendInvitationsOrCancellationsMode.SendToNone),
      );
      itemResults(responses.Responses, items, 'UpdateItem').forEach((r, k) => (results[slots[k]!] = r));
    }
    return results;
  }

  async #batched<T>(input: T[], run: (batch: T[]) => Promise<ItemResult[]>): Promise<ItemResult[]> {
    const out: ItemResult[] = [];
    for (let i = 0; i < input.length; i += this.batchSize) out.push(...(await run(input.slice(i, i + this.batchSize))));
    return out;
  }
}

function itemResults(responses: ServiceResponse[], items: Item[], operation: string): ItemResult[] {
  return items.map((item, i) => {
    const response = responses[i];
    if (response && response.Result !== ServiceResult.Error && item.Id?.UniqueId) {
      return { ok: true, itemId: item.Id.UniqueId, changeKey: item.Id.ChangeKey };
    }
    const error = toEwsError(response ?? { message: 'no response for this item' }, operation);
    return { ok: false, code: error.code, message: error.message };
  });
}
