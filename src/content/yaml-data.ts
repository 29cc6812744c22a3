// A YAML file's data as the game's content file holds it: parsed, then through a JSON round trip
// (what the build ships: `.inf` becomes null, undefined properties vanish). Content hashes are
// computed on this, so the Studio, pack import and the team server agree with the built game.
import { parse } from 'yaml';

export function yamlData(text: string): unknown {
  return JSON.parse(JSON.stringify(parse(text))) as unknown;
}
