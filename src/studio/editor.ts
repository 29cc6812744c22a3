// The Studio's two CodeMirror editors (the call's YAML, its translation JSON): YAML highlighting,
// the checker's diagnostics underlined where they point, completion and hover from the schema.
import { basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { setDiagnostics, lintGutter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { Compartment, EditorState, type Text } from '@codemirror/state';
import { EditorView, hoverTooltip } from '@codemirror/view';
import type { Lang } from '../i18n/lang.ts';
import type { StudioDiag } from './check.ts';
import { cursorPlace, hoverText, keysAt, nodeIdsOf, valuesAt, wantsNodeId, type JsonSchema } from './schema-help.ts';

/** CodeMirror's own words (search panel, lint, folding), keyed as in locales/<lng>/ui.json `studio.cm`. */
const PHRASES: Readonly<Record<string, string>> = {
  find: 'Find',
  replace: 'Replace',
  all: 'all',
  byWord: 'by word',
  close: 'close',
  matchCase: 'match case',
  next: 'next',
  previous: 'previous',
  regexp: 'regexp',
  replaceOne: 'replace',
  replaceAll: 'replace all',
  completions: 'Completions',
  controlChar: 'Control character',
  diagnostics: 'Diagnostics',
  goToLine: 'Go to line',
  noDiagnostics: 'No diagnostics',
  currentMatch: 'current match',
  foldedCode: 'folded code',
  go: 'go',
  onLine: 'on line',
  replacedMatches: 'replaced $ matches',
  replacedOnLine: 'replaced match on line $',
  to: 'to',
  unfold: 'unfold',
  foldLine: 'Fold line',
  unfoldLine: 'Unfold line',
};

/** CodeMirror's phrases in the trainer's language, through the page's `t`. */
function phrases(t: (key: string) => string) {
  return EditorState.phrases.of(
    Object.fromEntries(Object.entries(PHRASES).map(([k, en]) => [en, t(`studio.cm.${k}`)])),
  );
}

export type EditorOptions = {
  readonly parent: HTMLElement;
  readonly text: string;
  /** The editor's accessible name. */
  readonly label: () => string;
  readonly onChange: (text: string) => void;
  /** The page's translation function: CodeMirror's own words in the trainer's language. */
  readonly t: (key: string) => string;
  /** Completion and hover from this schema, in the trainer's language (the YAML editor only). */
  readonly schema?: { readonly root: JsonSchema; readonly lang: () => Lang };
};

/** An editor: its view, and the few things the page does to it. */
export type Editor = {
  readonly view: EditorView;
  text(): string;
  /** Replaces the whole text (a file or a version opened), without the page hearing it as an edit. */
  load(text: string): void;
  show(diags: readonly StudioDiag[]): void;
  /** Puts the cursor at line and column (1-based), scrolls there and focuses the editor. */
  jumpTo(line: number, col?: number): void;
  cursor(): number;
  /** Says CodeMirror's own words again in the page's current language. */
  relabel(): void;
};

/** The span a diagnostic underlines: from its column to the end of the word there (or of the line). */
export function spanOf(doc: Text, line: number, col: number): { from: number; to: number } {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  const from = Math.min(l.from + Math.max(col - 1, 0), l.to);
  const word = /^\S+/.exec(doc.sliceString(from, l.to))?.[0].length ?? 0;
  const to = word > 0 ? from + word : l.to;
  // Past the end of a line: the line's last character, so the mark is seen.
  return to > from ? { from, to } : { from: Math.max(l.from, from - 1), to: Math.max(from, l.from + 1) };
}

/**
 * The editor lives in a shadow root: CodeMirror then styles it through a constructed style sheet
 * (its style-mod adopts one there), which the page's Content-Security-Policy (`style-src 'self'`,
 * no inline styles) allows, where a `<style>` element in the document would be refused.
 */
function shadowHost(host: HTMLElement): { root: ShadowRoot; parent: HTMLElement } {
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(':host { display: block; } .frame { height: 100%; }');
  root.adoptedStyleSheets = [sheet];
  const parent = document.createElement('div');
  parent.className = 'frame';
  root.append(parent);
  return { root, parent };
}

/** The editor's look, inside its shadow root (the page's style sheet does not reach there). */
const THEME = EditorView.theme({
  '&': { height: '100%', fontSize: '13px', backgroundColor: '#fff' },
  '.cm-scroller': { fontFamily: "ui-monospace, 'DejaVu Sans Mono', monospace" },
  '&.cm-focused': { outline: '3px solid #ffbf00', outlineOffset: '-3px' },
  '.studio-hover': { maxWidth: '420px', padding: '6px 8px', whiteSpace: 'pre-wrap', fontFamily: 'inherit' },
  '.cm-tooltip-lint, .cm-tooltip-autocomplete': { fontFamily: "'Atkinson Hyperlegible', system-ui, sans-serif" },
});

export function createEditor(o: EditorOptions): Editor {
  let loading = false;
  const words = new Compartment();
  const extensions = [
    words.of(phrases(o.t)),
    basicSetup,
    yaml(),
    lintGutter(),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of(() => ({ 'aria-label': o.label() }) as Record<string, string>),
    EditorView.updateListener.of((u) => {
      if (u.docChanged && !loading) o.onChange(u.state.doc.toString());
    }),
  ];
  if (o.schema) {
    const { root, lang } = o.schema;
    extensions.push(
      EditorState.languageData.of(() => [{ autocomplete: (ctx: CompletionContext) => complete(ctx, root, lang()) }]),
      hoverTooltip((view, pos) => hover(view, pos, root, lang())),
    );
  }
  extensions.push(THEME);
  const view = new EditorView({ ...shadowHost(o.parent), state: EditorState.create({ doc: o.text, extensions }) });
  return {
    view,
    text: () => view.state.doc.toString(),
    load(text) {
      loading = true;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
      loading = false;
    },
    show(diags) {
      const doc = view.state.doc;
      const marks: CmDiagnostic[] = diags.map((d) => ({
        ...spanOf(doc, d.line, d.col),
        severity: d.severity,
        message: d.message,
        source: `${d.line}:${d.col}`,
      }));
      view.dispatch(setDiagnostics(view.state, marks));
    },
    jumpTo(line, col = 1) {
      const { from } = spanOf(view.state.doc, line, col);
      view.dispatch({ selection: { anchor: from }, scrollIntoView: true });
      view.focus();
    },
    cursor: () => view.state.selection.main.head,
    relabel: () => view.dispatch({ effects: words.reconfigure(phrases(o.t)) }),
  };
}

/** Keys where a key is typed, allowed values after `key: `, from the schema at the cursor. */
function complete(ctx: CompletionContext, root: JsonSchema, lang: Lang): CompletionResult | null {
  const text = ctx.state.doc.toString();
  const place = cursorPlace(text, ctx.pos);
  if (place.typingKey) {
    if (!place.word && !ctx.explicit) return null;
    const options = keysAt(root, place.parent, lang).map((k) => ({
      label: k.key,
      apply: `${k.key}: `,
      type: 'property',
      ...(k.info ? { info: k.info } : {}),
    }));
    return options.length ? { from: place.wordFrom, options, validFor: /^[\w$-]*$/ } : null;
  }
  if (place.key && wantsNodeId(place.parent, place.key)) {
    // A node's id: the nodes the call declares.
    const ids = nodeIdsOf(text);
    return ids.length
      ? { from: place.wordFrom, options: ids.map((v) => ({ label: v, type: 'variable' })), validFor: /^[\w-]*$/ }
      : null;
  }
  if (place.key) {
    const values = valuesAt(root, place.parent, place.key);
    if (!values.length) return null;
    return { from: place.wordFrom, options: values.map((v) => ({ label: v, type: 'enum' })), validFor: /^[\w$-]*$/ };
  }
  return null;
}

/** The description of the key under the pointer, in the trainer's language. */
function hover(view: EditorView, pos: number, root: JsonSchema, lang: Lang) {
  const line = view.state.doc.lineAt(pos);
  const rel = pos - line.from;
  const re = /([A-Za-z_$][\w$-]*)\s*:(?=\s|$)/g;
  for (let m = re.exec(line.text); m; m = re.exec(line.text)) {
    if (rel < m.index || rel > m.index + m[1]!.length) continue;
    const after = line.from + m.index + m[0].length;
    const place = cursorPlace(view.state.doc.toString(), after);
    const info = hoverText(root, place.parent, m[1]!, lang);
    if (!info) return null;
    return {
      pos: line.from + m.index,
      end: line.from + m.index + m[1]!.length,
      above: true,
      create: () => {
        const dom = document.createElement('div');
        dom.className = 'studio-hover';
        dom.textContent = info;
        return { dom };
      },
    };
  }
  return null;
}
