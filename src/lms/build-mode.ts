// The build switch for LMS packages, in one place: `vite build --mode scorm` (what `npm run
// build:scorm` runs) builds the game with the SCORM 1.2 adapter (src/lms/connect.ts) and without
// a service worker (vite.config.ts: a PWA plugin stays out of this mode).
export const SCORM_MODE = 'scorm';
