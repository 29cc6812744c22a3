// The i18n instance reads the language asked for at start and the other one when switched to.
import { describe, expect, it } from 'vitest';
import { realI18n } from '../support/words.ts';

describe('createI18n', () => {
  it('starts in one language and switches to the other, calls included', async () => {
    const i18n = await realI18n('en');
    const enTitle = i18n.t('title', { ns: 'box-no-sync' });
    expect(enTitle).not.toBe('title');
    expect(i18n.hasResourceBundle('fr', 'box-no-sync')).toBe(false);
    await i18n.changeLanguage('fr');
    expect(i18n.t('title', { ns: 'box-no-sync' })).toBe("Box : plus d'internet depuis trois jours");
    expect(i18n.t('title', { ns: 'box-no-sync' })).not.toBe(enTitle);
    await i18n.changeLanguage('en');
    expect(i18n.t('title', { ns: 'box-no-sync' })).toBe(enTitle);
  });
});
