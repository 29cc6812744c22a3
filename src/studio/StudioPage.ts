// The Studio page: one owner for its state (the draft, the checker's diagnostics, the analyser's
// verdict, the playtest), the two editors, the two workers and the draft store. The page's parts
// are lit-html templates rendered from that state into fixed places; the editors keep their own DOM.
import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { i18n } from 'i18next';
import schema from '../../scenarios/scenario.schema.json' with { type: 'json' };
import type { LoadedScenario } from '../content/load.ts';
import { compileDraft } from './compile-draft.ts';
import { ID_RE } from '../content/ids.ts';
import type { PlaybookModel } from '../content/playbook.ts';
import type { StartAt } from '../engine/state-at.ts';
import type { Lang } from '../i18n/lang.ts';
import { saveStudioLang, type Draft, type StudioDrafts, type Version } from '../storage/studio-drafts.ts';
import { download } from '../ui/download.ts';
import type { AnalyseRequest, Verdict } from './analyse-worker.ts';
import type { DraftTexts, StudioDiag } from './check.ts';
import { draftFiles, translationLang } from './files.ts';
import type { CheckReply, CheckRequest } from './check-worker.ts';
import { createEditor, type Editor } from './editor.ts';
import { draftPack } from './export-pack.ts';
import { callMap, type CallMap } from './map.ts';
import { mapLabelsWith } from './map-labels.ts';
import { mapPositions } from './map-source.ts';
import type { MapPositions } from './map.ts';
import { headView, type HeadActions, type HeadModel } from './HeadView.ts';
import { statusView } from './StatusView.ts';
import { mapTemplate } from './map-view.ts';
import type { StudioLibrary } from './library.ts';
import { playPane } from './PlayPane.ts';
import { runPlay, type PlayAction, type PlayRun, type PlayStart } from './playtest.ts';
import type { JsonSchema } from './schema-help.ts';
import { TEMPLATE_NAME, TEMPLATE_YAML, templateTranslation } from './template.ts';
import { contentWords, type ContentWords } from './texts.ts';

const CHECK_DELAY = 300;
const SAVE_DELAY = 800;
const ANALYSE_DELAY = 700;

type Tab = 'yaml' | 'translation';
type SideTab = 'play' | 'map';

/** Where the trainer was, kept with the draft. */
type Place = { tab: Tab; yaml: number; translation: number; start: PlayStart; actions: PlayAction[] };

export type StudioDeps = {
  readonly root: HTMLElement;
  readonly i18n: i18n;
  readonly lang: Lang;
  readonly library: StudioLibrary;
  readonly playbook: PlaybookModel;
  /** Null when IndexedDB cannot be opened: the Studio then says drafts are not kept. */
  readonly drafts: StudioDrafts | null;
  readonly first: Draft | null;
};

export class StudioPage {
  private lang: Lang;
  private name: string;
  private tab: Tab = 'yaml';
  private diags: readonly StudioDiag[] = [];
  private verdict: Verdict | null = null;
  private analysing = false;
  private saved: 'saved' | 'saving' | 'failed' | 'off' = 'saved';
  private versions: Version[] = [];
  private versionsOpen = false;
  private copyOpen = false;
  private otherDrafts: Draft[] = [];
  private notice: string | null = null;
  private loaded: LoadedScenario | null = null;
  private words: ContentWords = () => null;
  private from: PlayStart = { kind: 'start' };
  private actions: PlayAction[] = [];
  private run: PlayRun | null = null;
  private stale = false;
  private formOpen = false;
  private sideTab: SideTab = 'play';
  private sizeOpen = false;
  private map: CallMap | null = null;
  private seq = 0;
  private readonly checker: Worker;
  private analyser: Worker | null = null;
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly yaml: Editor;
  private readonly tr: Editor;
  private readonly parts: Record<'head' | 'tabs' | 'problems' | 'side' | 'status', HTMLElement>;
  private readonly hosts: Record<Tab, HTMLElement>;

  constructor(private readonly deps: StudioDeps) {
    this.lang = deps.lang;
    const first = deps.first ?? {
      name: TEMPLATE_NAME,
      yaml: TEMPLATE_YAML,
      translation: templateTranslation(),
      savedAt: 0,
    };
    this.name = first.name;
    const el = (tag: string, cls: string, parent: HTMLElement): HTMLElement => {
      const e = document.createElement(tag);
      e.className = cls;
      parent.append(e);
      return e;
    };
    const root = deps.root;
    root.className = 'studio-page';
    const head = el('header', 'studio-head', root);
    const body = el('div', 'studio-body', root);
    const edit = el('section', 'studio-edit', body);
    const tabs = el('div', 'studio-tabs', edit);
    const hostYaml = el('div', 'editor-host', edit);
    const hostTr = el('div', 'editor-host', edit);
    const problems = el('section', 'problems', edit);
    const side = el('section', 'studio-side', body);
    const status = el('footer', 'studio-status', root);
    status.setAttribute('role', 'status');
    this.parts = { head, tabs, problems, side, status };
    this.hosts = { yaml: hostYaml, translation: hostTr };
    hostYaml.id = 'editor-yaml';
    hostTr.id = 'editor-translation';
    const t = this.t;
    this.yaml = createEditor({
      parent: hostYaml,
      text: first.yaml,
      label: () => t('studio.editor.yaml'),
      t: (k) => this.t(k),
      onChange: () => this.edited(),
      schema: { root: schema as JsonSchema, lang: () => this.lang },
    });
    this.tr = createEditor({
      parent: hostTr,
      text: first.translation ?? '',
      label: () => t('studio.editor.translation', { lang: t(`studio.lang.${translationLang(this.yaml.text())}`) }),
      onChange: () => this.edited(),
      t: (k) => this.t(k),
    });
    this.checker = new Worker(new URL('./check-worker.ts', import.meta.url), { type: 'module' });
    this.checker.onmessage = (e: MessageEvent<CheckReply>) => this.checked(e.data);
    const pb: CheckRequest = { type: 'playbook', ...deps.library.playbook };
    this.checker.postMessage(pb);
    if (!deps.drafts) this.saved = 'off';
    this.restorePlace(first.place);
    addEventListener('pagehide', () => void this.saveNow());
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') void this.saveNow();
    });
  }

  private get t(): i18n['t'] {
    return this.deps.i18n.t.bind(this.deps.i18n) as i18n['t'];
  }

  /** Starts: checks, analyses and plays the draft it opened with. */
  async start(): Promise<void> {
    this.recompile();
    this.check();
    this.analyse();
    await this.refreshLists();
    this.render();
  }

  private texts(): DraftTexts {
    const translation = this.tr.text();
    return { name: this.name, yaml: this.yaml.text(), translation: translation.trim() ? translation : null };
  }

  private later(what: string, ms: number, fn: () => void): void {
    clearTimeout(this.timers.get(what));
    this.timers.set(what, setTimeout(fn, ms));
  }

  /** An edit in either editor: check, recompile and replay, analyse and save, each after a pause. */
  private edited(): void {
    // The verdict in progress is for a text that is gone.
    this.analyser?.terminate();
    this.analyser = null;
    this.analysing = true;
    this.later('check', CHECK_DELAY, () => this.check());
    this.later('play', CHECK_DELAY, () => {
      this.recompile();
      this.render();
    });
    this.later('analyse', ANALYSE_DELAY, () => this.analyse());
    this.later('save', SAVE_DELAY, () => void this.saveNow());
    this.renderStatus();
  }

  private check(): void {
    const msg: CheckRequest = { type: 'check', seq: ++this.seq, draft: this.texts(), lang: this.lang };
    this.checker.postMessage(msg);
  }

  private checked(reply: CheckReply): void {
    if (reply.type === 'playbookBroken') {
      this.notice = this.t('studio.playbookBroken');
      return this.render();
    }
    if (reply.seq !== this.seq) return;
    this.diags = reply.diags;
    this.yaml.show(this.diags.filter((d) => d.target === 'yaml'));
    this.tr.show(this.diags.filter((d) => d.target === 'translation'));
    this.renderProblems();
    this.renderTabs();
  }

  private analyse(): void {
    this.analyser?.terminate();
    const worker = new Worker(new URL('./analyse-worker.ts', import.meta.url), { type: 'module' });
    this.analyser = worker;
    this.analysing = true;
    worker.onmessage = (e: MessageEvent<Verdict>) => {
      if (this.analyser !== worker) return;
      this.verdict = e.data;
      this.analysing = false;
      this.map = null;
      if (this.sideTab === 'map') this.renderSide();
      worker.terminate();
      this.analyser = null;
      this.renderStatus();
    };
    const req: AnalyseRequest = { playbook: this.deps.library.playbook, draft: this.texts() };
    worker.postMessage(req);
    this.renderStatus();
  }

  /** Compiles the draft for the playtest and replays the trainer's actions on it. */
  private recompile(): void {
    const d = this.texts();
    const loaded = compileDraft(draftFiles(d).yaml, d.yaml, this.deps.playbook);
    if (!loaded?.model) {
      this.stale = this.loaded !== null;
      return;
    }
    this.stale = false;
    this.loaded = loaded;
    this.map = null;
    this.words = contentWords(loaded, d.translation, this.deps.playbook, this.deps.library.playbookEn, this.lang);
    this.replay();
  }

  private replay(): void {
    const sc = this.loaded?.model;
    this.run = sc ? runPlay(sc, this.from, this.actions) : null;
    // What the edit made impossible is dropped from the actions: the next click continues from here.
    if (this.run?.stopped) this.actions = this.actions.slice(0, this.run.done);
  }

  private act(a: PlayAction): void {
    this.actions = [...this.actions, a];
    this.replay();
    this.renderSide();
    this.later('save', SAVE_DELAY, () => void this.saveNow());
  }

  private place(): Place {
    return {
      tab: this.tab,
      yaml: this.yaml.cursor(),
      translation: this.tr.cursor(),
      start: this.from,
      actions: this.actions,
    };
  }

  private restorePlace(p: Readonly<Record<string, unknown>> | undefined): void {
    const place = p as Partial<Place> | undefined;
    this.tab = place?.tab === 'translation' ? 'translation' : 'yaml';
    this.from = place?.start ?? { kind: 'start' };
    this.actions = Array.isArray(place?.actions) ? [...place.actions] : [];
    const at = (ed: Editor, n: unknown) => {
      if (typeof n === 'number' && n >= 0 && n <= ed.view.state.doc.length)
        ed.view.dispatch({ selection: { anchor: n }, scrollIntoView: true });
    };
    at(this.yaml, place?.yaml);
    at(this.tr, place?.translation);
  }

  private draft(): Draft {
    const d = this.texts();
    return { ...d, savedAt: Date.now(), place: this.place() };
  }

  /** Saves the draft now (and a version when one is due, or `reason` asks for one). */
  private async saveNow(reason: 'auto' | 'save' | 'open' | 'restore' = 'auto'): Promise<void> {
    clearTimeout(this.timers.get('save'));
    const store = this.deps.drafts;
    if (!store) return;
    this.saved = 'saving';
    this.renderHead();
    try {
      const v = await store.save(this.draft(), reason);
      this.saved = 'saved';
      if (v) this.versions = await store.versions(this.name);
    } catch {
      this.saved = 'failed';
    }
    this.renderHead();
  }

  private async refreshLists(): Promise<void> {
    const store = this.deps.drafts;
    if (!store) return;
    try {
      this.versions = await store.versions(this.name);
      this.otherDrafts = (await store.list()).filter((d) => d.name !== this.name);
    } catch {
      this.saved = 'failed';
    }
  }

  /** Opens other texts as the draft (a library call, a file, the template, a version, a draft). */
  private async open(
    d: { name: string; yaml: string; translation: string | null; place?: Draft['place'] },
    reason: 'open' | 'restore',
  ): Promise<void> {
    // Nothing is lost by opening something else: the draft open now is kept as a version, and so
    // is a stored draft of the same name that the opened texts replace.
    await this.saveNow('save');
    const store = this.deps.drafts;
    const replaced = d.name === this.name ? null : await store?.get(d.name).catch(() => null);
    if (store && replaced && (replaced.yaml !== d.yaml || replaced.translation !== d.translation))
      await store.save({ ...replaced, savedAt: Date.now() }, 'save').catch(() => null);
    this.name = d.name;
    this.yaml.load(d.yaml);
    this.tr.load(d.translation ?? '');
    this.diags = [];
    this.verdict = null;
    this.loaded = null;
    this.run = null;
    this.notice = null;
    this.restorePlace(d.place);
    this.recompile();
    this.check();
    this.analyse();
    await this.saveNow(reason);
    await this.refreshLists();
    this.render();
  }

  /**
   * The draft as a new call of its own: the same texts under another id (its `id:` line rewritten,
   * its files named after it). A library call's copy can then be exported and imported in the game
   * beside the original. The draft left stays as it was.
   */
  private async copyAs(id: string): Promise<void> {
    const taken =
      this.deps.library.calls.some((c) => c.id === id) || (await this.deps.drafts?.get(id).catch(() => null));
    const problem = !ID_RE.test(id) ? 'studio.copy.badId' : taken ? 'studio.copy.taken' : null;
    if (problem) {
      this.notice = this.t(problem, { id });
      return this.renderHead();
    }
    const text = this.yaml.text();
    const yaml = /^id:.*$/m.test(text) ? text.replace(/^id:.*$/m, `id: ${id}`) : `id: ${id}\n${text}`;
    const translation = this.tr.text();
    this.copyOpen = false;
    await this.open({ name: id, yaml, translation: translation.trim() ? translation : null }, 'open');
  }

  private async openLibrary(id: string): Promise<void> {
    const call = this.deps.library.calls.find((c) => c.id === id);
    if (!call) return;
    const kept = await this.deps.drafts?.get(call.id).catch(() => null);
    // A library call already being worked on reopens as the trainer left it.
    if (kept) return this.open(kept, 'open');
    await this.open({ name: call.id, yaml: call.text, translation: call.en }, 'open');
  }

  private async openFiles(files: FileList | null): Promise<void> {
    if (!files?.length) return;
    const list = [...files];
    const yamlFile = list.find((f) => /\.ya?ml$/i.test(f.name));
    const jsonFile = list.find((f) => /\.json$/i.test(f.name));
    if (!yamlFile) {
      this.notice = this.t('studio.open.noYaml');
      return this.render();
    }
    // Read as text whatever it holds: a broken file opens with its errors, never dropped.
    const yaml = await yamlFile.text();
    const translation = jsonFile ? await jsonFile.text() : null;
    const name = yamlFile.name.replace(/\.ya?ml$/i, '');
    await this.open({ name, yaml, translation }, 'open');
  }

  private setLang(lang: Lang): void {
    if (lang === this.lang) return;
    this.lang = lang;
    saveStudioLang(lang);
    document.documentElement.lang = lang;
    void this.deps.i18n.changeLanguage(lang).then(() => {
      document.title = this.t('studio.title');
      this.yaml.relabel();
      this.tr.relabel();
      this.recompile();
      this.check();
      this.render();
    });
  }

  private showTab(tab: Tab): void {
    this.tab = tab;
    this.render();
    (tab === 'yaml' ? this.yaml : this.tr).view.focus();
  }

  private jump(d: StudioDiag): void {
    if (d.target === 'other') return;
    this.tab = d.target;
    this.render();
    (d.target === 'yaml' ? this.yaml : this.tr).jumpTo(d.line, d.col);
  }

  private downloadFiles(which: 'yaml' | 'translation'): void {
    const d = this.texts();
    const files = draftFiles(d);
    if (which === 'yaml') download(d.yaml, 'application/yaml', files.yaml.split('/').pop()!);
    else download(d.translation ?? '', 'application/json', files.translation.split('/').pop()!);
  }

  /** Downloads the draft as a `.hotliner` pack; refused (with a notice) while the checker finds errors. */
  private async exportPack(): Promise<void> {
    if (this.diags.some((d) => d.severity === 'error')) {
      this.notice = this.t('studio.pack.hasErrors');
      return this.renderHead();
    }
    const pack = await draftPack(this.texts(), this.deps.library.playbook.text);
    if (!pack) {
      this.notice = this.t('studio.pack.hasErrors');
      return this.renderHead();
    }
    this.notice = null;
    const url = URL.createObjectURL(new Blob([pack.bytes as BlobPart], { type: 'application/zip' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: pack.fileName });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.renderHead();
  }

  // ---- rendering -------------------------------------------------------------------------------

  render(): void {
    this.renderHead();
    this.renderTabs();
    this.renderProblems();
    this.renderSide();
    this.renderStatus();
  }

  private renderHead(): void {
    const view: HeadModel = {
      name: this.name,
      lang: this.lang,
      library: this.deps.library.calls,
      saved: this.saved,
      versionsOpen: this.versionsOpen,
      versions: this.versions,
      otherDrafts: this.otherDrafts,
      notice: this.notice,
      copyOpen: this.copyOpen,
    };
    const actions: HeadActions = {
      showCopy: (open) => {
        this.copyOpen = open;
        this.renderHead();
      },
      copyAs: (id) => void this.copyAs(id),
      openLibrary: (id) => void this.openLibrary(id),
      openFiles: (files) => void this.openFiles(files),
      openBlank: () =>
        void this.open({ name: TEMPLATE_NAME, yaml: TEMPLATE_YAML, translation: templateTranslation() }, 'open'),
      restore: (v) => void this.open({ name: v.name, yaml: v.yaml, translation: v.translation }, 'restore'),
      reopen: (d) => void this.open(d, 'open'),
      setLang: (lang) => this.setLang(lang),
      save: () => void this.saveNow('save'),
      showVersions: (open) => {
        this.versionsOpen = open;
        void this.refreshLists().then(() => this.renderHead());
      },
      download: (which) => this.downloadFiles(which),
      exportPack: () => void this.exportPack(),
    };
    render(headView(view, actions, this.t), this.parts.head);
  }

  private renderTabs(): void {
    const t = this.t;
    const count = (target: Tab) => this.diags.filter((d) => d.target === target && d.severity === 'error').length;
    const tab = (id: Tab, label: string): TemplateResult =>
      html`<button
        type="button"
        role="tab"
        id="tab-${id}"
        aria-controls="editor-${id}"
        aria-selected=${this.tab === id ? 'true' : 'false'}
        tabindex=${this.tab === id ? 0 : -1}
        @click=${() => this.showTab(id)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') this.showTab(id === 'yaml' ? 'translation' : 'yaml');
        }}
      >
        ${label}${count(id) ? html` <span class="count">${count(id)}</span>` : nothing}
      </button>`;
    render(
      html`<div role="tablist" aria-label=${t('studio.editor.tabs')}>
        ${tab('yaml', t('studio.editor.yamlTab'))}
        ${tab('translation', t('studio.editor.translationTab', { lang: t(`studio.lang.${translationLang(this.yaml.text())}`) }))}
      </div>`,
      this.parts.tabs,
    );
    this.hosts.yaml.hidden = this.tab !== 'yaml';
    this.hosts.translation.hidden = this.tab !== 'translation';
    for (const [id, host] of Object.entries(this.hosts)) {
      host.setAttribute('role', 'tabpanel');
      host.setAttribute('aria-labelledby', `tab-${id}`);
    }
  }

  private renderProblems(): void {
    const t = this.t;
    const errors = this.diags.filter((d) => d.severity === 'error').length;
    const warnings = this.diags.length - errors;
    render(
      html`<h2>${t('studio.problems.title', { errors, warnings })}</h2>
        ${
          this.diags.length
            ? html`<ul>
                ${this.diags.map(
                  (d) =>
                    html`<li class=${d.severity}>
                      <button type="button" @click=${() => this.jump(d)}>
                        <span class="where">${d.file.split('/').pop()}:${d.line}:${d.col}</span>
                        <span class="sev">${t(`studio.problems.${d.severity}`)}</span>
                        <span class="msg">${d.message}</span>
                      </button>
                    </li>`,
                )}
              </ul>`
            : html`<p class="clean">${t('studio.problems.none')}</p>`
        }`,
      this.parts.problems,
    );
  }

  /** The call's map (src/studio/map.ts), laid out once per compiled draft and verdict. */
  private callMap(): CallMap | null {
    const loaded = this.loaded;
    if (!loaded?.model) return null;
    if (!this.map) {
      const d = this.texts();
      const unreachable = this.verdict?.compiles ? this.verdict.unreachableNodes : [];
      const positions = mapPositions(draftFiles(d).yaml, d.yaml);
      this.map = callMap(loaded.model, { texts: loaded.texts, positions, unreachable });
    }
    return this.map;
  }

  private renderMap(): TemplateResult {
    const map = this.callMap();
    if (!map) return html`<p class="waiting">${this.t('studio.play.noModel')}</p>`;
    const state = this.run?.state;
    const current = state && this.loaded?.model ? (this.loaded.model.nodes[state.node]?.id ?? null) : null;
    return mapTemplate(map, {
      labels: mapLabelsWith((k) => this.t(k)),
      current,
      height: 440,
      onPick: (_target, fileLine) => {
        if (fileLine <= 0) return;
        this.tab = 'yaml';
        this.renderTabs();
        this.yaml.jumpTo(fileLine);
      },
    });
  }

  private renderSide(): void {
    const t = this.t;
    const view = {
      model: this.loaded?.model ?? null,
      run: this.run,
      words: this.words,
      from: this.from.kind === 'node' ? this.from.at : null,
      stale: this.stale,
      formOpen: this.formOpen,
    };
    const actions = {
      act: (a: PlayAction) => this.act(a),
      restart: () => {
        this.actions = [];
        this.from = { kind: 'start' } as PlayStart;
        this.replay();
        this.renderSide();
      },
      openForm: (open: boolean) => {
        this.formOpen = open;
        this.renderSide();
      },
      playFrom: (at: StartAt) => {
        this.from = { kind: 'node', at };
        this.actions = [];
        this.formOpen = false;
        this.replay();
        this.renderSide();
      },
    };
    const tab = (id: SideTab, label: string): TemplateResult =>
      html`<button
        type="button"
        role="tab"
        id="side-${id}"
        aria-selected=${this.sideTab === id ? 'true' : 'false'}
        tabindex=${this.sideTab === id ? 0 : -1}
        @click=${() => ((this.sideTab = id), this.renderSide())}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          this.sideTab = id === 'play' ? 'map' : 'play';
          this.renderSide();
          this.parts.side.querySelector<HTMLElement>(`#side-${this.sideTab}`)?.focus();
        }}
      >
        ${label}
      </button>`;
    render(
      html`<div class="side-tabs" role="tablist" aria-label=${t('studio.side')}>
          ${tab('play', t('studio.play.title'))} ${tab('map', t('studio.mapTab'))}
        </div>
        <div class="side-panel" role="tabpanel" aria-labelledby="side-${this.sideTab}">
          ${this.sideTab === 'play' ? html`<div class="play">${playPane(view, actions, t)}</div>` : this.renderMap()}
        </div>`,
      this.parts.side,
    );
  }

  private renderStatus(): void {
    const positions = (): MapPositions => mapPositions(draftFiles(this.texts()).yaml, this.yaml.text());
    const view = { verdict: this.verdict, analysing: this.analysing, sizeOpen: this.sizeOpen, lang: this.lang };
    const actions = {
      toggleSize: () => ((this.sizeOpen = !this.sizeOpen), this.renderStatus()),
      jumpTo: (line: number) => ((this.tab = 'yaml'), this.renderTabs(), this.yaml.jumpTo(line)),
      positions,
    };
    render(statusView(view, actions, this.t), this.parts.status);
  }
}
