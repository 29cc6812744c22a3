import { readPlaybook, readScenario } from '../src/cli/repo.ts';
import { searchPlans, applyPlan } from '../src/engine/plans.ts';
import { situation } from '../src/engine/analyze.ts';
import { offeredChoices } from '../src/engine/dialogue.ts';
import { initialState } from '../src/engine/step.ts';
import type { CallState } from '../src/engine/types.ts';
const pb = readPlaybook().playbook!;
const sc = readScenario('scenarios/' + (process.argv[2] ?? 'box-no-sync') + '.yaml', pb).model!;
const seen = new Map<string, number>(); const stack: CallState[] = [initialState(sc, 1, 'exam')]; let n = 0;
const perNode = new Map<string, number>(); const perKeyPart = new Map<string, Set<string>>();
while (stack.length && n < 40000) { const s = stack.pop()!; n++; const k = situation(sc, s); if (seen.has(k)) continue; seen.set(k, 1);
  const node = sc.nodes[s.node]!.id; perNode.set(node, (perNode.get(node) ?? 0) + 1);
  if (s.ended) continue;
  for (const p of searchPlans(sc, s, offeredChoices(sc, s))) stack.push(applyPlan(sc, s, p).state); }
console.log('states', n, 'keys', seen.size);
console.log([...perNode.entries()].sort((a,b)=>b[1]-a[1]).slice(0,8));
const node = [...perNode.entries()].sort((a,b)=>b[1]-a[1])[0]![0];
const idx = sc.index.nodes.get(node);
const parts = [...seen.keys()].filter(k => k.startsWith(idx + ';')).map(k => k.split(';'));
for (let i = 0; i < parts[0]!.length; i++) { const vals = new Set(parts.map((p) => p[i])); console.log(i, vals.size, [...vals].slice(0, 4).join(' | ').slice(0, 200)); }
