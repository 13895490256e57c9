/** What read-aloud tells the reader when it cannot go on: one clear sentence per case. See ./README.md. */

/** The browser has no speech synthesis at all. */
export const NO_SYNTHESIS = 'This browser cannot read aloud: it has no speech synthesis. Try another browser, such as Chrome, Edge or Safari.';

/** The device lists no voices. */
export const NO_VOICES =
  'No voice is installed for reading aloud. Add a text-to-speech voice in your system’s settings (Android: Settings › Accessibility › Text-to-speech; iPhone: Settings › Accessibility › Spoken Content › Voices; Windows: Settings › Time & Language › Speech; Linux: install speech-dispatcher and espeak-ng), then try again.';

/** The device has voices, none of them for the work's language. */
export function noVoiceFor(lang: string): string {
  const name = lang.toLowerCase().startsWith('en') ? 'English' : `“${lang}”`;
  return `No ${name} voice is installed. Add one in your system’s text-to-speech settings, then try again.`;
}

/** Read-aloud reached the end of the work. */
export const END_OF_WORK = 'Read aloud reached the end of the work.';

/** Nothing to read from the place asked for. */
export const NOTHING_TO_READ = 'There is nothing to read aloud from here.';

/** The voice was asked to speak and never started. */
export const NEVER_STARTED = 'Read aloud stopped: the voice did not start speaking. Try again, or choose another voice.';

/** A section could not be loaded while reading on. */
export const LOAD_FAILED = 'Read aloud stopped: the next part of the text could not be loaded. Your place is kept; try again.';

/** The message for an utterance's error code (SpeechSynthesisErrorEvent.error); the place is always kept. */
export function messageForError(code: string): string {
  switch (code) {
    case 'interrupted':
    case 'canceled':
      return 'Read aloud stopped: the system interrupted the voice (another app or tab may be speaking). Your place is kept.';
    case 'audio-busy':
    case 'audio-hardware':
      return 'Read aloud stopped: the sound output is busy or unavailable. Your place is kept.';
    case 'network':
      return 'Read aloud stopped: this voice needs a connection. Choose a voice marked offline. Your place is kept.';
    case 'voice-unavailable':
    case 'language-unavailable':
      return 'Read aloud stopped: the chosen voice is not available. Choose another voice. Your place is kept.';
    case 'not-allowed':
      return 'Read aloud stopped: the browser did not allow speech here. Press Read aloud again. Your place is kept.';
    case 'synthesis-unavailable':
    case 'synthesis-failed':
    default:
      return 'Read aloud stopped: the voice failed. Try again, or choose another voice. Your place is kept.';
  }
}
