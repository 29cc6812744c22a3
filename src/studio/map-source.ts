// Where each node and line of a call is written in its YAML, for the map's "jump to the YAML".
// Parses the text (the yaml package): run it where the YAML is parsed anyway (the checker's worker).
import { parseSource } from '../content/parse.ts';
import { positionOf } from '../content/source.ts';
import type { MapPositions } from './map.ts';

/** File lines (1-based) of each node (its key under `nodes:`) and of each line (its `id:`); empty maps when the text does not parse. */
export function mapPositions(file: string, text: string): MapPositions {
  const nodes = new Map<string, number>();
  const lines = new Map<string, number>();
  const parsed = parseSource(file, text);
  const data = parsed.data as { nodes?: unknown } | undefined;
  if (!parsed.source.doc || !isRecord(data?.nodes)) return { nodes, lines };
  for (const [id, node] of Object.entries(data.nodes)) {
    nodes.set(id, positionOf(parsed.source, ['nodes'], id).line);
    const choices = isRecord(node) && Array.isArray(node.choices) ? (node.choices as unknown[]) : [];
    choices.forEach((c, i) => {
      if (isRecord(c) && typeof c.id === 'string' && !lines.has(c.id))
        lines.set(c.id, positionOf(parsed.source, ['nodes', id, 'choices', i, 'id']).line);
    });
  }
  return { nodes, lines };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
