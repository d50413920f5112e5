import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RepStateStore, shardName, shardPath } from '../../../src/sync/state/rep-state-store.ts';
import { pairingCount, pairingsLoaded } from '../../../src/sync/state/shard-codec.ts';
import type { Pairing } from '../../../src/sync/model.ts';

const pairing = (sfId: string, exId: string): Pairing => ({
  object: 'Contact', sfId, exId, exChangeKey: 'ck', sfModstamp: '2026-01-01T00:00:00Z', syncedHash: 'h', synced: {}, pairedAt: 1,
});

describe('RepStateStore (lowdb shard per org per rep)', () => {
  it('writes one compact JSON file per org per rep and reads it back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'synclab-state-'));
    const a = await RepStateStore.open(dir, 'prod', 'Ann@Acme.test');
    a.upsertPairing(pairing('003A', 'AAMk1'));
    await a.flush();
    const b = await RepStateStore.open(dir, 'prod', 'bob@acme.test');
    await b.flush();
    expect(await readdir(path.join(dir, 'prod'))).toEqual(['ann@acme.test.json']);
    const text = await readFile(shardPath(dir, 'prod', 'ann@acme.test'), 'utf8');
    // Two compact lines: everything else, then the pairings (state/shard-codec.ts).
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0]!)).toMatchObject({ org: 'prod', pairingCounts: { Contact: 1, Event: 0 } });
    expect(JSON.parse(lines[0]!)).not.toHaveProperty('pairings');
    expect(JSON.parse(lines[1]!)).toEqual([pairing('003A', 'AAMk1')]);
    const again = await RepStateStore.open(dir, 'prod', 'ann@acme.test');
    expect(again.findBySf('Contact', '003A')?.exId).toBe('AAMk1');
    expect(again.findByEx('Contact', 'AAMk1')?.sfId).toBe('003A');
  });

  it('does not parse the pairings until something reads them, and writes them back unchanged if nothing did', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'synclab-state-'));
    const a = await RepStateStore.open(dir, 'prod', 'ann@acme.test');
    a.upsertPairing(pairing('003A', 'AAMk1'));
    a.upsertPairing({ ...pairing('00UE', 'AAMk2'), object: 'Event' });
    await a.flush();
    const file = shardPath(dir, 'prod', 'ann@acme.test');
    const before = await readFile(file, 'utf8');

    const quiet = await RepStateStore.open(dir, 'prod', 'ann@acme.test');
    expect(pairingsLoaded(quiet.state)).toBe(false);
    expect([pairingCount(quiet.state, 'Contact'), pairingCount(quiet.state, 'Event')]).toEqual([1, 1]);
    quiet.update((s) => (s.backOffUntil = 5));
    await quiet.flush();
    expect(pairingsLoaded(quiet.state)).toBe(false);
    expect((await readFile(file, 'utf8')).split('\n')[1]).toBe(before.split('\n')[1]);

    const busy = await RepStateStore.open(dir, 'prod', 'ann@acme.test');
    expect(busy.findByEx('Event', 'AAMk2')?.sfId).toBe('00UE');
    expect(pairingsLoaded(busy.state)).toBe(true);
    busy.removePairing('Contact', '003A', 'AAMk1');
    await busy.flush();
    const after = await RepStateStore.open(dir, 'prod', 'ann@acme.test');
    expect(after.state.pairingCounts).toEqual({ Contact: 0, Event: 1 });
    expect(after.state.pairings.map((p) => p.sfId)).toEqual(['00UE']);
  });

  it('reads a shard in the old one-line form (every pairing inside the object)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'synclab-state-'));
    const file = shardPath(dir, 'prod', 'ann@acme.test');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify({ version: 1, org: 'prod', rep: 'ann@acme.test', pairings: [pairing('003A', 'AAMk1')], syncStates: {}, sfWatermarks: {}, unresolved: [], initialSyncDone: {}, syncLog: [] }));
    const old = await RepStateStore.open(dir, 'prod', 'ann@acme.test');
    expect(old.findBySf('Contact', '003A')?.exId).toBe('AAMk1');
    expect(pairingCount(old.state, 'Contact')).toBe(1);
  });

  it('logs records synced at one instant as one entry with a count (STAT-02 sync log)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'synclab-state-'));
    const s = await RepStateStore.open(dir, 'prod', 'ann@acme.test');
    for (let i = 0; i < 3; i++) s.logSync(1_000, 'Contact');
    s.logSync(1_000, 'Event');
    s.logSync(2_000, 'Contact');
    expect(s.state.syncLog).toEqual([{ at: 1_000, object: 'Contact', count: 3 }, { at: 1_000, object: 'Event' }, { at: 2_000, object: 'Contact' }]);
  });

  it('keeps pairings one-to-one (G-04): re-pairing either id replaces the old pair', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'synclab-state-'));
    const s = await RepStateStore.open(dir, 'prod', 'ann@acme.test');
    s.upsertPairing(pairing('003A', 'AAMk1'));
    s.upsertPairing(pairing('003A', 'AAMk2'));
    expect(s.state.pairings).toHaveLength(1);
    expect(s.findByEx('Contact', 'AAMk1')).toBeUndefined();
    expect(s.findBySf('Contact', '003A')?.exId).toBe('AAMk2');
  });

  it('persists write-ahead intents only on flush, and drops them when resolved (G-05)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'synclab-state-'));
    const s = await RepStateStore.open(dir, 'prod', 'ann@acme.test');
    s.addIntents([{ id: 'i1', object: 'Contact', side: 'exchange', sfId: '003A', at: 5 }]);
    expect((await RepStateStore.open(dir, 'prod', 'ann@acme.test')).pendingIntents()).toEqual([]);
    await s.flush();
    expect((await RepStateStore.open(dir, 'prod', 'ann@acme.test')).pendingIntents().map((i) => i.id)).toEqual(['i1']);
    s.resolveIntents(['i1']);
    await s.flush();
    expect((await RepStateStore.open(dir, 'prod', 'ann@acme.test')).pendingIntents()).toEqual([]);
  });

  it('escapes unsafe characters in shard names without collisions', () => {
    expect(shardName('a/b')).not.toBe(shardName('a%2fb'));
    expect(shardName('../x')).not.toContain('/');
    expect(() => shardName('')).toThrow(/empty/);
  });

  it('rejects a corrupt or foreign file with a message saying what to do', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'synclab-state-'));
    await mkdir(path.join(dir, 'prod'), { recursive: true });
    await writeFile(shardPath(dir, 'prod', 'ann@acme.test'), '{not json');
    await expect(RepStateStore.open(dir, 'prod', 'ann@acme.test')).rejects.toThrow(/not valid JSON.*delete it/);
    await writeFile(shardPath(dir, 'prod', 'bob@acme.test'), JSON.stringify({ hello: 1 }));
    await expect(RepStateStore.open(dir, 'prod', 'bob@acme.test')).rejects.toThrow(/not a synclab rep state/);
  });
});
