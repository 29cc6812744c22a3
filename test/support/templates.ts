// Looking into lit-html templates without a DOM: the values a template binds, nested templates,
// lists and keyed repeats included. Strings bound here reach the page as text nodes or attributes.

type Nested = { readonly values: readonly unknown[] };

function isTemplate(v: unknown): v is Nested & { readonly strings: readonly string[] } {
  return typeof v === 'object' && v !== null && 'strings' in v && 'values' in v;
}

function isDirective(v: unknown): v is Nested {
  return typeof v === 'object' && v !== null && '_$litDirective$' in v;
}

/** Every leaf value a template binds, depth first; `repeat(items, key, render)` is rendered. */
export function boundValues(v: unknown): unknown[] {
  if (isTemplate(v)) return v.values.flatMap(boundValues);
  if (Array.isArray(v)) return v.flatMap(boundValues);
  if (isDirective(v)) {
    const [items, key, render] = v.values;
    // repeat(items, keyFn, template) is the only directive whose arguments hold more template.
    if (Array.isArray(items) && typeof key === 'function') {
      const f = (typeof render === 'function' ? render : key) as (item: unknown, i: number) => unknown;
      return items.flatMap((item, i) => boundValues(f(item, i)));
    }
    return v.values.flatMap(boundValues);
  }
  return [v];
}
