// Who the portrait shows: the persona's figure by default, the call's `customer.figure` otherwise.
import { describe, expect, it } from 'vitest';
import { mini, repoCalls } from '../support/load.ts';

describe("the customer's figure", () => {
  it("is the persona's unless the call says otherwise", () => {
    expect(mini().persona).toBe('angry');
    expect(mini().figure).toBe('f');
    expect(mini((y) => y.replace('  name: M. Test', '  name: M. Test\n  figure: m')).figure).toBe('m');
  });

  it('matches the callers of the library: the men and women the calls name', () => {
    const figures = Object.fromEntries(repoCalls().map((sc) => [sc.id, sc.figure]));
    expect(figures).toMatchObject({
      'billing-fault': 'm',
      'cancel-crm-down': 'm',
      'wifi-slow-evening': 'm',
      'wifi-far-room': 'm',
      'voip-needs-l2': 'f',
      'box-no-sync': 'f',
      'tv-no-picture': 'f',
      'fiber-tech-l2': 'm',
    });
  });
});
