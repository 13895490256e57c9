/** Settings' "Keep screen on while reading": a toggle where the browser can do it, and a plain note where it can't. */
import { useId } from 'preact/hooks';
import type { Settings } from '../../settings/types';
import './style.css';

/** Props for KeepScreenOn. */
export interface KeepScreenOnProps {
  settings: Settings;
  onChange: (next: Settings) => void;
  /** The browser has the Screen Wake Lock API (src/device: `sharedWakeLock().supported`). */
  supported: boolean;
}

/** The toggle; disabled and unchecked, with the reason, where the screen can't be kept on. */
export function KeepScreenOn({ settings, onChange, supported }: KeepScreenOnProps) {
  const noteId = useId();
  return (
    <div class="keep-screen-on">
      <label class="keep-screen-on__toggle">
        <input
          type="checkbox"
          checked={supported && settings.keepScreenOn}
          disabled={!supported}
          aria-describedby={noteId}
          onChange={(event) => onChange({ ...settings, keepScreenOn: event.currentTarget.checked })}
        />
        <span>Keep screen on while reading</span>
      </label>
      <p id={noteId} class="keep-screen-on__note">
        {supported
          ? 'While a work is open, the screen stays on; after 10 minutes without a page turn it may dim again.'
          : 'This browser can’t keep the screen on for Quire, so your device’s own screen timeout applies.'}
      </p>
    </div>
  );
}
