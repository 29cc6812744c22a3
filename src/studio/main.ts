// The Studio's entry point (studio.html): the interface strings, the library, the draft store,
// then the page. Nothing of the game is loaded here, and nothing of this in the game.
import './no-eval.ts';
import { html, render } from 'lit-html';
import frUi from '../../locales/fr/ui.json?raw';
import enUi from '../../locales/en/ui.json?raw';
import { createI18n } from '../i18n/i18n.ts';
import { isLang, type Lang } from '../i18n/lang.ts';
import { openStudioDb, savedStudioLang, StudioDrafts, type Draft } from '../storage/studio-drafts.ts';
import { compilePlaybookText } from './compile-draft.ts';
import { fetchLibrary } from './library.ts';
import { StudioPage } from './StudioPage.ts';
import './studio.css';

function pickLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (isLang(asked)) return asked;
  const saved = savedStudioLang();
  if (isLang(saved)) return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

async function start(): Promise<void> {
  const root = document.getElementById('studio')!;
  const lang = pickLang();
  document.documentElement.lang = lang;
  const i18n = await createI18n(
    { playbook: null, calls: [], diags: [], locales: { fr: { ui: frUi }, en: { ui: enUi } } },
    lang,
  );
  document.title = i18n.t('studio.title');
  render(html`<p class="studio-loading">${i18n.t('studio.loading')}</p>`, root);
  let library;
  try {
    library = await fetchLibrary();
  } catch (e) {
    render(html`<p class="studio-loading" role="alert">${i18n.t('studio.loadFailed')} ${String(e)}</p>`, root);
    return;
  }
  const playbook = compilePlaybookText(library.playbook.file, library.playbook.text);
  if (!playbook) {
    render(html`<p class="studio-loading" role="alert">${i18n.t('studio.playbookBroken')}</p>`, root);
    return;
  }
  // Without IndexedDB (a private mode that refuses it) the Studio still works; it says drafts are not kept.
  let drafts: StudioDrafts | null = null;
  let first: Draft | null = null;
  try {
    drafts = new StudioDrafts(await openStudioDb());
    first = await drafts.last();
  } catch {
    drafts = null;
  }
  render(html``, root);
  const page = new StudioPage({ root, i18n, lang, library, playbook, drafts, first });
  await page.start();
}

void start();
