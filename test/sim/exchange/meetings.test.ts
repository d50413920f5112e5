import {
  Appointment,
  ConflictResolutionMode,
  DateTime,
  DeleteMode,
  ItemId,
  SendCancellationsMode,
  SendInvitationsMode,
  SendInvitationsOrCancellationsMode,
  WellKnownFolderName,
} from 'ews-javascript-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeSim } from '../../../sim/exchange/index.ts';
import { REP, service, startSim } from './fixture.ts';

let sim: ExchangeSim;
beforeAll(async () => {
  ({ sim } = await startSim());
});
afterAll(async () => {
  await sim.close();
});

const inRep2 = (subject: string) => sim.actions.findItems('rep2@acme.test', (i) => String(i.props['Subject']).includes(subject));

async function meeting(subject: string, mode: SendInvitationsMode): Promise<Appointment> {
  const a = new Appointment(service(sim));
  a.Subject = subject;
  a.Start = DateTime.Parse('2026-03-10T15:00:00Z');
  a.End = DateTime.Parse('2026-03-10T15:30:00Z');
  a.RequiredAttendees.Add('rep2@acme.test');
  a.RequiredAttendees.Add('outsider@example.org');
  await a.Save(WellKnownFolderName.Calendar, mode);
  return a;
}

describe('meetings between mailboxes of the sim', () => {
  it('delivers an invitation to an attendee mailbox, updates it, and cancels it', async () => {
    const a = await meeting('Pipeline review', SendInvitationsMode.SendToAllAndSaveCopy);
    const [copy] = inRep2('Pipeline review');
    expect(copy?.props['Organizer']).toEqual({ address: REP });
    expect(copy?.props['LegacyFreeBusyStatus']).toBe('Tentative');
    const seen = await Appointment.Bind(service(sim, 'rep2@acme.test'), new ItemId(copy!.itemId));
    expect(seen.IsMeeting).toBe(true);
    expect(seen.Organizer.Address).toBe(REP);

    a.Location = 'Room 4';
    await a.Update(ConflictResolutionMode.AlwaysOverwrite, SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy);
    expect(inRep2('Pipeline review')[0]?.props['Location']).toBe('Room 4');

    await a.Delete(DeleteMode.MoveToDeletedItems, SendCancellationsMode.SendToAllAndSaveCopy);
    const cancelled = inRep2('Pipeline review')[0]!;
    expect(cancelled.props['Subject']).toBe('Canceled: Pipeline review');
    expect(cancelled.props['IsCancelled']).toBe(true);
  });

  it('sends nothing with SendToNone', async () => {
    await meeting('Quiet one', SendInvitationsMode.SendToNone);
    expect(inRep2('Quiet one')).toEqual([]);
  });
});
