/** Installing Quire: the browser's "Install" where it offers one, "Add to Home Screen" steps on iOS Safari. */
import type { ComponentChildren } from 'preact';
import type { Pwa } from '../../pwa';
import { useAppState } from '../../state/app-state';
import { CopyReading } from '../reading-data/transfer';
import './style.css';

/** Props for InstallPrompt. */
export interface InstallPromptProps {
  /** The browser offered installation (`beforeinstallprompt` fired). */
  canPrompt: boolean;
  /** iOS Safari: no offer exists, so show the manual steps. */
  iosSafari: boolean;
  /** Already running installed (display-mode: standalone): show nothing. */
  installed: boolean;
  onInstall: () => void;
  /** Shown after the iOS steps: the hand-off of this browser's reading ("Copy my reading"). */
  handOff?: ComponentChildren;
}

/** An "Install Quire" button, or the iOS steps, or nothing. For the library screen. */
export function InstallPrompt({ canPrompt, iosSafari, installed, onInstall, handOff }: InstallPromptProps) {
  if (installed) return null;
  if (canPrompt) {
    return (
      <button type="button" class="install-prompt__button" onClick={onInstall}>
        Install Quire
      </button>
    );
  }
  if (!iosSafari) return null;
  return (
    <details class="install-prompt__ios">
      <summary>Install Quire on this device</summary>
      <ol>
        <li>Tap the Share button (a square with an arrow pointing up).</li>
        <li>Choose “Add to Home Screen”.</li>
        <li>Tap “Add”. Quire then opens from your Home Screen, and reads offline.</li>
      </ol>
      {handOff && (
        <>
          <p class="install-prompt__hand-off">The Home Screen app starts empty: Safari keeps its own data. Bring your places along:</p>
          {handOff}
        </>
      )}
    </details>
  );
}

/** InstallPrompt wired to the running PWA. */
export function PwaInstall({ pwa }: { pwa: Pwa }) {
  const { state } = pwa;
  const { store, actions } = useAppState();
  return (
    <InstallPrompt
      canPrompt={state.installPrompt.value !== null}
      iosSafari={state.iosSafari.value}
      installed={state.installed.value}
      handOff={
        <CopyReading store={store} beforeExport={actions.flush} hint="Then open Quire from your Home Screen and tap “Paste reading from Safari”." />
      }
      onInstall={() => {
        void pwa.install().then((outcome) => {
          if (outcome === 'accepted') void pwa.requestPersistence();
        });
      }}
    />
  );
}
