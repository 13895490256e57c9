/** Voices for a work's language: which to offer, which to use. Pure. See ./README.md. */
import type { VoiceLike } from './types';

/** A voice as the picker offers it. */
export interface VoiceOption {
  voiceURI: string;
  /** The voice's name and language, and "offline" when it runs on the device. */
  label: string;
  offline: boolean;
}

/** The primary language subtag, lower case: "en-GB" and "en_GB" → "en". */
function primary(lang: string): string {
  return lang.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

/** The device's voices for a language ("en" matches "en-US", "en_GB"…): offline ones first, then by name. `default` plays no part. */
export function voicesFor(voices: readonly VoiceLike[], lang: string): VoiceLike[] {
  const want = primary(lang);
  return voices
    .filter((v) => typeof v.voiceURI === 'string' && v.voiceURI !== '' && primary(v.lang ?? '') === want)
    .sort((a, b) => Number(b.localService) - Number(a.localService) || a.name.localeCompare(b.name) || a.voiceURI.localeCompare(b.voiceURI));
}

/** The picker's options for a language. */
export function voiceOptions(voices: readonly VoiceLike[], lang: string): VoiceOption[] {
  return voicesFor(voices, lang).map((v) => ({
    voiceURI: v.voiceURI,
    label: `${v.name} (${v.lang}${v.localService ? ', offline' : ', needs a connection'})`,
    offline: v.localService,
  }));
}

/**
 * The voice to speak with: the remembered one when the device still has it for this
 * language; else an offline voice, one of the reader's own region ("en-GB" for a reader in
 * Britain) first; else any voice for the language; else null. Never the `default` flag:
 * Safari marks every voice default.
 */
export function chooseVoice(voices: readonly VoiceLike[], lang: string, remembered: string | null, preferred: readonly string[] = []): VoiceLike | null {
  const candidates = voicesFor(voices, lang);
  const kept = remembered === null ? undefined : candidates.find((v) => v.voiceURI === remembered);
  if (kept) return kept;
  const regions = preferred.map((p) => p.toLowerCase().replace('_', '-')).filter((p) => primary(p) === primary(lang));
  const rank = (v: VoiceLike): number => {
    const i = regions.indexOf(v.lang.toLowerCase().replace('_', '-'));
    return i < 0 ? regions.length : i;
  };
  const pool = candidates.some((v) => v.localService) ? candidates.filter((v) => v.localService) : candidates;
  // A stable choice: by the reader's regions, then the order voicesFor gives.
  return [...pool].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}
