// Which voices read-aloud offers and which it picks: offline first, never by the `default` flag.
import { describe, expect, it } from 'vitest';
import type { VoiceLike } from '../../../src/speech/types';
import { chooseVoice, voiceOptions, voicesFor } from '../../../src/speech/voices';

const v = (voiceURI: string, lang: string, localService: boolean, isDefault = false): VoiceLike => ({ voiceURI, name: voiceURI, lang, localService, default: isDefault });
const DEVICE = [
  v('Zed online', 'en-US', false, true),
  v('Amy', 'en_GB', true, true),
  v('Bob', 'en-US', true, true),
  v('Greta', 'de-DE', true, true),
  v('Echo', 'EN-au', false),
];

describe('voicesFor', () => {
  it('lists the voices for the language, any region or spelling, offline ones first then by name', () => {
    expect(voicesFor(DEVICE, 'en').map((x) => x.voiceURI)).toEqual(['Amy', 'Bob', 'Echo', 'Zed online']);
    expect(voicesFor(DEVICE, 'de').map((x) => x.voiceURI)).toEqual(['Greta']);
    expect(voicesFor(DEVICE, 'fr')).toEqual([]);
  });

  it('drops voices without a voiceURI', () => {
    expect(voicesFor([v('', 'en-US', true)], 'en')).toEqual([]);
  });
});

describe('voiceOptions', () => {
  it('marks which voices work offline', () => {
    expect(voiceOptions(DEVICE, 'en').map((o) => o.label)).toEqual([
      'Amy (en_GB, offline)',
      'Bob (en-US, offline)',
      'Echo (EN-au, needs a connection)',
      'Zed online (en-US, needs a connection)',
    ]);
  });
});

describe('chooseVoice', () => {
  it('keeps the remembered voice when the device still has it', () => {
    expect(chooseVoice(DEVICE, 'en', 'Zed online')?.voiceURI).toBe('Zed online');
  });

  it('falls back to an offline voice when the remembered one is gone or of another language', () => {
    expect(chooseVoice(DEVICE, 'en', 'Gone')?.localService).toBe(true);
    expect(chooseVoice(DEVICE, 'en', 'Greta')?.lang.startsWith('en')).toBe(true);
  });

  it('prefers an offline voice of the reader’s region, and never trusts `default`', () => {
    expect(chooseVoice(DEVICE, 'en', null, ['en-US', 'en'])?.voiceURI).toBe('Bob');
    expect(chooseVoice(DEVICE, 'en', null, ['en-GB'])?.voiceURI).toBe('Amy');
    // Every voice says it is the default (Safari): the choice is still an offline one.
    const safari = DEVICE.map((x) => ({ ...x, default: true }));
    expect(chooseVoice(safari, 'en', null)?.localService).toBe(true);
    // Only the online voice claims default: it is still not chosen over an offline one.
    expect(chooseVoice([v('Net', 'en-US', false, true), v('Here', 'en-US', true)], 'en', null)?.voiceURI).toBe('Here');
  });

  it('uses an online voice only when there is no offline one, and none of another language', () => {
    expect(chooseVoice([v('Net', 'en-US', false)], 'en', null)?.voiceURI).toBe('Net');
    expect(chooseVoice([v('Greta', 'de-DE', true)], 'en', null)).toBeNull();
    expect(chooseVoice([], 'en', null)).toBeNull();
  });
});
