// The Studio's drafts (fake-indexeddb): saved whole, reopened as left, a version a minute of
// editing at most and one on each explicit save, the last 50 kept.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import {
  openStudioDb,
  StudioDrafts,
  VERSION_EVERY_MS,
  VERSIONS_KEPT,
  versionDue,
  type Draft,
} from '../../src/storage/studio-drafts.ts';

async function store(): Promise<StudioDrafts> {
  return new StudioDrafts(await openStudioDb(new IDBFactory()));
}

const T0 = 1_800_000_000_000;
const draft = (yaml: string, at: number, extra: Partial<Draft> = {}): Draft => ({
  name: 'my-call',
  yaml,
  translation: `{"title": "${yaml}"}`,
  savedAt: at,
  ...extra,
});

describe('Studio drafts', () => {
  it('has nothing to reopen on a first visit', async () => {
    expect(await (await store()).last()).toBeNull();
  });

  it('reopens the last draft saved, both texts and where the trainer was', async () => {
    const s = await store();
    await s.save(draft('a', T0, { name: 'other' }));
    await s.save(draft('b', T0 + 1, { place: { tab: 'translation', yaml: 12 } }));
    expect(await s.last()).toEqual(draft('b', T0 + 1, { place: { tab: 'translation', yaml: 12 } }));
    expect((await s.list()).map((d) => d.name)).toEqual(['my-call', 'other']);
  });

  it('keeps a version at most once a minute of editing', async () => {
    const s = await store();
    await s.save(draft('v1', T0));
    await s.save(draft('v2', T0 + 10_000));
    await s.save(draft('v3', T0 + VERSION_EVERY_MS - 1));
    expect((await s.versions('my-call')).map((v) => v.yaml)).toEqual(['v1']);
    await s.save(draft('v4', T0 + VERSION_EVERY_MS));
    expect((await s.versions('my-call')).map((v) => v.yaml)).toEqual(['v4', 'v1']);
    // The draft itself is always the latest text.
    expect((await s.get('my-call'))?.yaml).toBe('v4');
  });

  it('keeps a version on each explicit save, but not of an unchanged text', async () => {
    const s = await store();
    await s.save(draft('v1', T0));
    await s.save(draft('v2', T0 + 1), 'save');
    await s.save(draft('v2', T0 + 2), 'save');
    await s.save(draft('v2', T0 + 3 * VERSION_EVERY_MS));
    const versions = await s.versions('my-call');
    expect(versions.map((v) => [v.yaml, v.reason])).toEqual([
      ['v2', 'save'],
      ['v1', 'auto'],
    ]);
  });

  it(`keeps the last ${VERSIONS_KEPT} versions`, async () => {
    const s = await store();
    for (let i = 0; i < VERSIONS_KEPT + 5; i++) await s.save(draft(`v${i}`, T0 + i), 'save');
    const versions = await s.versions('my-call');
    expect(versions).toHaveLength(VERSIONS_KEPT);
    expect(versions[0]!.yaml).toBe(`v${VERSIONS_KEPT + 4}`);
    expect(versions.at(-1)!.yaml).toBe('v5');
  });

  it('a version holds both texts of the moment', async () => {
    const s = await store();
    await s.save(draft('v1', T0), 'save');
    const [v] = await s.versions('my-call');
    expect(v).toMatchObject({ yaml: 'v1', translation: '{"title": "v1"}', at: T0 });
  });

  it('versionDue', () => {
    expect(versionDue(null, T0)).toBe(true);
    expect(versionDue(T0, T0 + VERSION_EVERY_MS - 1)).toBe(false);
    expect(versionDue(T0, T0 + VERSION_EVERY_MS)).toBe(true);
  });
});
