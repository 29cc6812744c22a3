// The installable, offline game (vite.config.ts): vite-plugin-pwa's service worker precaches
// the built game — page, scripts (the desk's Phaser too), styles, content, fonts, icons — and
// the web manifest names it, with icons drawn at build time (icon.ts). Node only.
import type { Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { iconPng, iconSvg, THEME_COLOUR } from './icon.ts';

const ICONS = [
  { fileName: 'icon.svg', source: () => iconSvg(), sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
  { fileName: 'icon-192.png', source: () => iconPng(192), sizes: '192x192', type: 'image/png', purpose: 'any' },
  { fileName: 'icon-512.png', source: () => iconPng(512), sizes: '512x512', type: 'image/png', purpose: 'any' },
  {
    fileName: 'icon-maskable-512.png',
    source: () => iconPng(512, 'maskable'),
    sizes: '512x512',
    type: 'image/png',
    purpose: 'maskable',
  },
] as const;

/** The icons as files of the build, and the page's icon and theme colour. */
function icons(): Plugin {
  return {
    name: 'hotliner-icons',
    apply: 'build',
    generateBundle() {
      for (const icon of ICONS) this.emitFile({ type: 'asset', fileName: icon.fileName, source: icon.source() });
    },
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'theme-color', content: THEME_COLOUR }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'icon', href: './icon.svg', type: 'image/svg+xml' }, injectTo: 'head' },
      { tag: 'link', attrs: { rel: 'apple-touch-icon', href: './icon-192.png' }, injectTo: 'head' },
    ],
  };
}

/**
 * The service worker and the manifest. Updates wait for the trainee (`prompt`): src/pwa/register.ts
 * registers from the game's own script (no inline script under the page's CSP) and the menu offers
 * them. The team server's API (src/server) is never cached nor answered with the page.
 */
export function offline(): Plugin[] {
  return [
    icons(),
    ...VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Hotliner',
        short_name: 'Hotliner',
        description: 'Hotline training on scripted customer calls — formation des agents de hotline.',
        lang: 'fr',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'landscape',
        theme_color: THEME_COLOUR,
        background_color: THEME_COLOUR,
        icons: ICONS.map(({ fileName, sizes, type, purpose }) => ({ src: fileName, sizes, type, purpose })),
      },
      workbox: {
        // The brotli twins (vite.plugins.ts `precompress`) are how the server sends these same
        // files: precaching them would download everything twice. WOFF2 alone: every browser
        // with service workers reads it.
        globPatterns: ['**/*.{html,js,css,json,woff2,svg,png}'],
        globIgnores: ['**/*.br', '**/*.woff'],
        navigateFallback: 'index.html',
        // The team API, and the trainers' Studio: a page of its own (built after the game, not
        // precached), which the fallback would otherwise answer with the game's page.
        navigateFallbackDenylist: [/\/api\//, /\/studio\.html(?:[?#]|$)/],
        // The trainers' Studio is built after the game, so it cannot be precached: it is kept
        // once visited. Its page from the network first (a new version when online), its files
        // (hashed names, never changed in place) from the cache first. Only this origin's own
        // files: never the team server's /api/.
        runtimeCaching: [
          {
            urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/studio\.html$/.test(url.pathname),
            handler: 'NetworkFirst',
            options: { cacheName: 'hotliner-studio-page', networkTimeoutSeconds: 5 },
          },
          {
            urlPattern: ({ url, sameOrigin }) =>
              sameOrigin && /\/assets\/[^/]+\.(?:js|css|json|woff2)$/.test(url.pathname),
            handler: 'CacheFirst',
            options: { cacheName: 'hotliner-studio-files', expiration: { maxEntries: 60 } },
          },
        ],
        cleanupOutdatedCaches: true,
        // The first visit is served by the service worker as soon as it is ready (an update still waits).
        clientsClaim: true,
      },
    }),
  ];
}

/** `virtual:pwa-register` without a service worker (an LMS package): nothing is registered. */
export function noServiceWorker(): Plugin {
  const id = 'virtual:pwa-register';
  return {
    name: 'hotliner-no-service-worker',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (resolved) => (resolved === `\0${id}` ? 'export const registerSW = () => async () => {};' : null),
  };
}
