/** The read-aloud bar: pause / resume, previous / next sentence, stop, speed, voice, sleep timer; docked where the footer is. */
import { SLEEP_CHOICES, type SleepChoice, type SpeechController } from '../../speech/controller';
import { voiceOptions } from '../../speech/voices';
import './style.css';

/** The speeds offered (the setting accepts any 0.5–3 in steps of 0.05; a stored other one is offered too). */
const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3];
/** A device can list hundreds of variants of one language (espeak-ng): the picker offers the first ones, offline first. */
const MAX_VOICES = 60;

const SLEEP_LABELS: Record<string, string> = { off: 'Off', section: 'End of section', '15': '15 min', '30': '30 min', '60': '60 min' };

function Glyph({ d }: { d: string }) {
  return (
    <svg class="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path d={d} />
    </svg>
  );
}
const GLYPHS = {
  pause: 'M8 5v14M16 5v14',
  play: 'M7 4.5v15L19 12z',
  previous: 'M6 5v14M18 5 9 12l9 7z',
  next: 'M18 5v14M6 5l9 7-9 7z',
  stop: 'M6 6h12v12H6z',
};

interface Props {
  controller: SpeechController;
  onResume: () => void;
  onRate: (rate: number) => void;
  onVoice: (voiceURI: string | null) => void;
}

/** Shown while reading aloud (or to say why it stopped); every control has a name and works from the keyboard. */
export function ReadAloudBar({ controller: c, onResume, onRate, onVoice }: Props) {
  const { status, message, rate, sleep } = c.state.value;
  const voice = c.voice.value;
  if (status === 'idle') {
    if (!message) return null;
    return (
      <div class="read-aloud read-aloud--message" role="region" aria-label="Read aloud">
        <p class="read-aloud__message" role="alert">
          {message}
        </p>
        <button type="button" class="button" onClick={() => c.dismiss()}>
          Dismiss
        </button>
      </div>
    );
  }
  const speaking = status === 'speaking';
  const options = voiceOptions(c.voices.value, 'en');
  const shown = options.slice(0, MAX_VOICES);
  const chosen = options.find((o) => o.voiceURI === voice?.voiceURI);
  if (chosen && !shown.includes(chosen)) shown.push(chosen);
  const rates = RATES.includes(rate) ? RATES : [...RATES, rate].sort((a, b) => a - b);
  return (
    <div class="read-aloud" role="region" aria-label="Read aloud">
      <div class="read-aloud__buttons">
        <button type="button" class="icon-button" aria-label="Previous sentence" title="Previous sentence" onClick={() => void c.previous()}>
          <Glyph d={GLYPHS.previous} />
        </button>
        <button
          type="button"
          class="icon-button read-aloud__play"
          aria-label={speaking ? 'Pause reading aloud' : 'Resume reading aloud'}
          title={speaking ? 'Pause (R)' : 'Resume (R)'}
          aria-keyshortcuts="R"
          onClick={() => (speaking ? c.pause() : onResume())}
        >
          <Glyph d={speaking ? GLYPHS.pause : GLYPHS.play} />
        </button>
        <button type="button" class="icon-button" aria-label="Next sentence" title="Next sentence" onClick={() => void c.next()}>
          <Glyph d={GLYPHS.next} />
        </button>
        <button type="button" class="icon-button" aria-label="Stop reading aloud" title="Stop reading aloud" onClick={() => c.stop()}>
          <Glyph d={GLYPHS.stop} />
        </button>
        <p class="read-aloud__state" role="status">
          {speaking ? 'Reading aloud' : 'Paused'}
        </p>
      </div>
      <div class="read-aloud__choices">
        <label>
          <span>Speed</span>
          <select value={String(rate)} onChange={(e) => onRate(Number((e.currentTarget as HTMLSelectElement).value))}>
            {rates.map((r) => (
              <option key={r} value={String(r)}>
                {`${r}×`}
              </option>
            ))}
          </select>
        </label>
        <label class="read-aloud__voice">
          <span>Voice</span>
          <select value={voice?.voiceURI ?? ''} onChange={(e) => onVoice((e.currentTarget as HTMLSelectElement).value || null)}>
            {shown.length === 0 && <option value="">No voice</option>}
            {shown.map((o) => (
              <option key={o.voiceURI} value={o.voiceURI}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Sleep</span>
          <select value={String(sleep)} onChange={(e) => c.setSleep(parseSleep((e.currentTarget as HTMLSelectElement).value))}>
            {SLEEP_CHOICES.map((choice) => (
              <option key={String(choice)} value={String(choice)}>
                {SLEEP_LABELS[String(choice)]}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}

function parseSleep(value: string): SleepChoice {
  return (SLEEP_CHOICES.find((c) => String(c) === value) ?? 'off') as SleepChoice;
}
