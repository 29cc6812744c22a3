// Imported first by the Studio's entry and workers: zod never compiles parsers with `new Function`
// (its probe alone is a violation of the page's Content-Security-Policy, which has no eval).
import { config } from 'zod';

config({ jitless: true });
