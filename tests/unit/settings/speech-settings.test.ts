// The read-aloud fields of the settings record: voice (a voiceURI or null) and speechRate (0.5..3).
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, RANGES, validateSettings } from '../../../src/settings/defaults';

describe('speech settings', () => {
  it('default to the best offline voice (null) at the normal rate', () => {
    expect(DEFAULT_SETTINGS.voice).toBeNull();
    expect(DEFAULT_SETTINGS.speechRate).toBe(1);
  });

  it('keep a remembered voiceURI as it is, whatever characters it has', () => {
    for (const uri of ['Google UK English Female', 'urn:moz-tts:speechd:English%20(America)?en', 'com.apple.voice.compact.en-GB.Daniel']) {
      expect(validateSettings({ voice: uri }).voice).toBe(uri);
    }
    expect(validateSettings({ voice: null }).voice).toBeNull();
  });

  it('accept rates from 0.5 to 3, snapped to 0.05, and nothing outside', () => {
    expect(RANGES.speechRate).toEqual({ min: 0.5, max: 3, step: 0.05 });
    expect(validateSettings({ speechRate: 0.5 }).speechRate).toBe(0.5);
    expect(validateSettings({ speechRate: 3 }).speechRate).toBe(3);
    expect(validateSettings({ speechRate: 1.26 }).speechRate).toBe(1.25);
    expect(validateSettings({ speechRate: 0.75 }).speechRate).toBe(0.75);
    for (const bad of [0.49, 3.01, 0, -1, Number.POSITIVE_INFINITY, '1.5', null]) expect(validateSettings({ speechRate: bad }).speechRate).toBe(1);
  });

  it('leave the other fields alone when one speech field is bad', () => {
    expect(validateSettings({ theme: 'dark', voice: 7, speechRate: 2 })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', speechRate: 2 });
  });
});
