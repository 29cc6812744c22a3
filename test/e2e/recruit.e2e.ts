// A careful recruit at real-time pace, the first half of the calls, and a silent recruit (see recruit-cases.ts).
import { recruitTests } from './recruit-cases.ts';

recruitTests(0);
