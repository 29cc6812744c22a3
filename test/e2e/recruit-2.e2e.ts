// A careful recruit at real-time pace, the second half of the calls (see recruit-cases.ts).
import { recruitTests } from './recruit-cases.ts';

recruitTests(1);
