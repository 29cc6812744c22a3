// Entry point: the stage and the drawn desk, the bundled calls, storage, sound, then the first screen.
import { html, render } from 'lit-html';
import { DeferredAudio } from './audio/DeferredAudio.ts';
import { fetchContent, libraryOf, uiLocales, type ContentData } from './content/bundle.ts';
import { createI18n } from './i18n/i18n.ts';
import { isLang, type Lang } from './i18n/lang.ts';
import type { DeskView } from './ports/desk-view.ts';
import { connectLms } from './lms/connect.ts';
import { SCORM_MODE } from './lms/build-mode.ts';
import { registerWhenIdle } from './pwa/start.ts';
import { UpdateOffer } from './pwa/update-offer.ts';
import { IdbStore } from './storage/IdbStore.ts';
import { withImported } from './packs/imported-library.ts';
import { App, openStore } from './ui/App.ts';
import { LazyDesk } from './ui/LazyDesk.ts';
import { Stage } from './ui/Stage.ts';
import './ui/app.css';

function pickLang(params: URLSearchParams, saved: Lang | null): Lang {
  const asked = params.get('lang');
  if (isLang(asked)) return asked;
  if (saved) return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

async function createDesk(parent: HTMLElement): Promise<DeskView | null> {
  try {
    const { createPhaserDesk } = await import('./game/PhaserDesk.ts');
    mark('phaser');
    return await createPhaserDesk(parent);
  } catch {
    // Without WebGL or canvas the game stays fully playable in the HTML layer alone.
    return null;
  }
}

async function start(): Promise<void> {
  // The content is fetched while the page sets itself up.
  let contentData: ContentData | undefined; // the team server's content versions come from it
  const content = fetchContent().then(
    (data) => (mark('fetched'), (contentData = data), libraryOf(data)),
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
  const params = new URLSearchParams(location.search);
  // An LMS package's build finds the LMS that launched it (null otherwise: see src/lms/connect.ts).
  const lms = connectLms(params.get('scenario'));
  const stage = new Stage(document.getElementById('app')!);
  // ?desk=off: the HTML layer alone, for machines too slow to draw the desk. Otherwise Phaser
  // loads and draws the desk alongside the content, without holding the screens back.
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const deskLoading = params.get('desk') === 'off' ? null : createDesk(stage.world);
  const desk = deskLoading && new LazyDesk(deskLoading);
  desk?.setReducedMotion(reducedMotion);
  document.body.classList.toggle('reduced-motion', reducedMotion);
  const store = new IdbStore();
  const settings = store.loadSettings();
  // The store opens while the content arrives (a deep link's call waits on both).
  const opened = openStore(store);
  const lang = pickLang(params, settings.lang);
  document.documentElement.lang = lang;
  // The calls imported from packs (src/packs), read once the store is open; none without one.
  const imported = opened.then(() => store.listImported()).catch(() => []);
  const bundled = await content;
  mark('content');
  if (bundled instanceof Error) {
    desk?.destroy();
    // Nothing to play: say so, in the trainee's language, with what went wrong.
    const ui = await createI18n({ playbook: null, calls: [], diags: [], locales: uiLocales() }, lang);
    render(
      html`<div class="menu panel" role="alert">
        <h1>${ui.t('app.title')}</h1>
        <p>${ui.t('app.loadFailed')}</p>
        <p class="detail">${bundled.message}</p>
      </div>`,
      stage.overlay,
    );
    return;
  }
  const importedCalls = await imported;
  const lib = withImported(bundled, importedCalls);
  const i18n = await createI18n(lib, lang);
  mark('i18n');
  document.title = i18n.t('app.title');
  const audio = new DeferredAudio({ volume: settings.volume, muted: settings.muted, speech: settings.speech });
  // An LMS package has no service worker (vite.config.ts): nothing to offer there; and no team
  // server either: without the content, the team side stays off and never asks for /api/.
  const inLms = import.meta.env.MODE === SCORM_MODE;
  const updates = inLms ? null : new UpdateOffer();
  const teamContent = inLms ? undefined : contentData;
  const deps = { stage, lib, i18n, store, audio, desk, reducedMotion, lms, updates, content: teamContent };
  await new App({ ...deps, imported: importedCalls }).start(params, opened);
  mark('screen');
  if (updates) registerWhenIdle(updates, deskLoading);
}

/** `hotliner:<step>` in the browser's performance timeline: where a start's time goes (read by bench:browser). */
function mark(step: string): void {
  performance.mark?.(`hotliner:${step}`);
}

void start();
