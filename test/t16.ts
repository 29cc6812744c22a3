import { readPlaybook, readScenario } from '../src/cli/repo.ts';
import { searchPlans, applyPlan } from '../src/engine/plans.ts';
import { situation, measure } from '../src/engine/analyze.ts';
import { offeredChoices } from '../src/engine/dialogue.ts';
import { initialState } from '../src/engine/step.ts';
import type { CallState } from '../src/engine/types.ts';
const pb = readPlaybook().playbook!;
const sc = readScenario('scenarios/' + (process.argv[2] ?? 'box-no-sync') + '.yaml', pb).model!;
const fronts = new Map<string, (readonly number[])[]>();
const dom = (a: readonly number[], b: readonly number[]) => a.every((x, i) => x <= b[i]!);
const stack: CallState[] = [initialState(sc, 1, 'exam')]; let n = 0; const nodesSeen = new Map<string, number>();
while (stack.length && n < 60000) { const s = stack.pop()!; n++;
  const nd = sc.nodes[s.node]!.id; nodesSeen.set(nd, (nodesSeen.get(nd) ?? 0) + 1);
  if (s.ended) continue;
  const plans = searchPlans(sc, s, offeredChoices(sc, s));
  for (let i = plans.length - 1; i >= 0; i--) { const next = applyPlan(sc, s, plans[i]!).state; if (next === s) continue;
    const key = situation(sc, next); const mark = measure(sc, next); const front = fronts.get(key) ?? [];
    if (front.some(f => dom(f, mark))) continue;
    fronts.set(key, [...front.filter(f => !dom(mark, f)), mark].slice(-4)); stack.push(next); } }
console.log(n, 'keys', fronts.size, [...nodesSeen].sort((a,b)=>b[1]-a[1]).slice(0,6));
const top = process.argv[3] ?? [...nodesSeen].sort((a,b)=>b[1]-a[1])[0]![0]; const idx = sc.index.nodes.get(top)!;
const parts = [...fronts.keys()].filter(k => k.startsWith(idx + ';')).map(k => k.split(';'));
console.log(top, parts.length);
for (let i = 0; i < parts[0]!.length; i++) { const vals = new Set(parts.map((p) => p[i])); console.log(i, vals.size, [...vals].slice(0, 3).join(' | ').slice(0, 150)); }
