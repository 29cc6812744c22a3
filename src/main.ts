// Entry point: load the bundled calls, pick the language, show the list of calls.
import { loadLibrary } from './content/bundle.ts';
import { createI18n, LANGS, type Lang } from './i18n/i18n.ts';
import { TextPlayer } from './ui/text-player.ts';
import './ui/text-player.css';

function pickLang(): Lang {
  const asked = new URLSearchParams(location.search).get('lang');
  if (asked && (LANGS as readonly string[]).includes(asked)) return asked as Lang;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

async function start(): Promise<void> {
  const root = document.getElementById('app')!;
  const lang = pickLang();
  document.documentElement.lang = lang;
  const lib = loadLibrary();
  const i18n = await createI18n(lib, lang);
  document.title = i18n.t('app.title');
  const player = new TextPlayer(root, lib, i18n);
  const params = new URLSearchParams(location.search);
  const id = params.get('scenario');
  const call = lib.calls.find((c) => c.model?.id === id);
  if (call?.model) player.play(call.model, Number(params.get('seed') ?? 1) || 1, params.get('mode') === 'exam' ? 'exam' : 'training');
  else player.menu();
}

void start();
