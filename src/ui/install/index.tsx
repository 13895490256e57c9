/** Installing Quire: the browser's "Install" where it offers one, "Add to Home Screen" steps on iOS Safari. */
import type { Pwa } from '../../pwa';
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
}

/** An "Install Quire" button, or the iOS steps, or nothing. For the library screen. */
export function InstallPrompt({ canPrompt, iosSafari, installed, onInstall }: InstallPromptProps) {
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
    </details>
  );
}

/** InstallPrompt wired to the running PWA. */
export function PwaInstall({ pwa }: { pwa: Pwa }) {
  const { state } = pwa;
  return (
    <InstallPrompt
      canPrompt={state.installPrompt.value !== null}
      iosSafari={state.iosSafari.value}
      installed={state.installed.value}
      onInstall={() => {
        void pwa.install().then((outcome) => {
          if (outcome === 'accepted') void pwa.requestPersistence();
        });
      }}
    />
  );
}
