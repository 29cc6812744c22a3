// Entry point: the stage, the bundled calls, storage, sound, the drawn desk, then the menu.
import { html, render } from 'lit-html';
import { HowlerAudio } from './audio/HowlerAudio.ts';
import { fetchContent, libraryOf, uiLocales } from './content/bundle.ts';
import { createI18n } from './i18n/i18n.ts';
import { isLang, type Lang } from './i18n/lang.ts';
import type { DeskView } from './ports/desk-view.ts';
import { IdbStore } from './storage/IdbStore.ts';
import { App } from './ui/App.ts';
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
    return await createPhaserDesk(parent);
  } catch {
    // Without WebGL or canvas the game stays fully playable in the HTML layer alone.
    return null;
  }
}

async function start(): Promise<void> {
  // The content is fetched while the page sets itself up.
  const content = fetchContent().then(libraryOf, (e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  const params = new URLSearchParams(location.search);
  const stage = new Stage(document.getElementById('app')!);
  const store = new IdbStore();
  const settings = store.loadSettings();
  const lang = pickLang(params, settings.lang);
  document.documentElement.lang = lang;
  const lib = await content;
  if (lib instanceof Error) {
    // Nothing to play: say so, in the trainee's language, with what went wrong.
    const ui = await createI18n({ playbook: null, calls: [], diags: [], locales: uiLocales() }, lang);
    render(
      html`<div class="menu panel" role="alert">
        <h1>${ui.t('app.title')}</h1>
        <p>${ui.t('app.loadFailed')}</p>
        <p class="detail">${lib.message}</p>
      </div>`,
      stage.overlay,
    );
    return;
  }
  const i18n = await createI18n(lib, lang);
  document.title = i18n.t('app.title');
  const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const audio = new HowlerAudio({ volume: settings.volume, muted: settings.muted, speech: settings.speech });
  // ?desk=off: the HTML layer alone, for machines too slow to draw the desk. Otherwise the
  // desk is drawn as soon as Phaser is ready, without holding the menu back.
  const desk = params.get('desk') === 'off' ? null : new LazyDesk(createDesk(stage.world));
  desk?.setReducedMotion(reducedMotion);
  document.body.classList.toggle('reduced-motion', reducedMotion);
  await new App({ stage, lib, i18n, store, audio, desk, reducedMotion }).start(params);
}

void start();
