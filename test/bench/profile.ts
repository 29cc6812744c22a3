// A CPU profile of one page load (CDP Profiler), summarised by where the time goes: the functions
// with the most self time, and the time spent under each named function (inclusive).
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** Starts sampling every 200 µs; `stop` writes the .cpuprofile (DevTools opens it) and returns a summary. */
export async function startProfile(cdp: CDPSession): Promise<{ stop(file: string): Promise<string> }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(file) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      writeFileSync(file, JSON.stringify(profile));
      return summarise(profile);
    },
  };
}

function label(n: Node): string {
  const f = n.callFrame;
  const file = f.url.split('/').pop() ?? '';
  return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}`;
}

function summarise(p: Profile): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  const selfByLabel = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    selfByLabel.set(label(n), (selfByLabel.get(label(n)) ?? 0) + ms);
    // Inclusive time: count each label once per sample's stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at)!);
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + ms);
    }
  }
  const top = (m: Map<string, number>, k: number): string[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([l, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${l}`);
  const wall = (p.endTime - p.startTime) / 1000;
  return [
    `profile: ${wall.toFixed(0)} ms sampled`,
    'most self time:',
    ...top(selfByLabel, 25),
    'most inclusive time:',
    ...top(total, 40),
  ].join('\n');
}
