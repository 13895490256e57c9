/** Installation: the browser's `beforeinstallprompt` offer, `appinstalled`, and display-mode. */
import { isIosSafari, isStandalone } from './platform';
import type { BeforeInstallPromptEvent, PwaState } from './state';

/**
 * Keeps `installPrompt`, `installed` and `iosSafari` current. Start it early (before
 * the first render): the browser may make its offer before the library is shown.
 * `onInstalled` runs after `appinstalled` (a good moment to ask for persistent storage).
 * Returns stop().
 */
export function watchInstall(state: PwaState, onInstalled: () => void = () => undefined): () => void {
  const standalone = window.matchMedia('(display-mode: standalone)');
  const refresh = () => {
    state.installed.value = isStandalone(standalone.matches, (navigator as { standalone?: unknown }).standalone);
  };
  const onOffer = (event: Event) => {
    event.preventDefault(); // Keep the offer for our own "Install" button.
    state.installPrompt.value = event as BeforeInstallPromptEvent;
  };
  const onAppInstalled = () => {
    state.installPrompt.value = null;
    state.installed.value = true;
    onInstalled();
  };
  refresh();
  state.iosSafari.value = isIosSafari(navigator.userAgent, navigator.maxTouchPoints);
  standalone.addEventListener('change', refresh);
  window.addEventListener('beforeinstallprompt', onOffer);
  window.addEventListener('appinstalled', onAppInstalled);
  return () => {
    standalone.removeEventListener('change', refresh);
    window.removeEventListener('beforeinstallprompt', onOffer);
    window.removeEventListener('appinstalled', onAppInstalled);
  };
}

/** Shows the browser's install dialog (an offer can be used once). */
export async function promptInstall(state: PwaState): Promise<'accepted' | 'dismissed' | 'unavailable'> {
  const offer = state.installPrompt.value;
  if (!offer) return 'unavailable';
  state.installPrompt.value = null;
  await offer.prompt();
  return (await offer.userChoice).outcome;
}
