/** Platform checks for installation: pure functions of what the browser reports. */

/** True on iPhone, iPod and iPad (including iPadOS, which reports itself as a Mac with touch). */
export function isIos(userAgent: string, maxTouchPoints = 0): boolean {
  if (/\b(iPhone|iPad|iPod)\b/.test(userAgent)) return true;
  return /\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1;
}

/**
 * True in Safari on iOS, which never fires `beforeinstallprompt`: the one place
 * to show "Add to Home Screen" steps. Other iOS browsers name themselves (CriOS, FxiOS, …).
 */
export function isIosSafari(userAgent: string, maxTouchPoints = 0): boolean {
  return isIos(userAgent, maxTouchPoints)
    && /\bSafari\//.test(userAgent)
    && !/\b(CriOS|FxiOS|EdgiOS|OPiOS|OPT|YaBrowser|GSA|DuckDuckGo|Brave)\b/.test(userAgent);
}

/** True when running as an installed app (`display-mode: standalone`, or iOS's navigator.standalone). */
export function isStandalone(displayModeStandalone: boolean, navigatorStandalone: unknown): boolean {
  return displayModeStandalone || navigatorStandalone === true;
}

/** What this browser is, read now: iOS, iOS Safari, and running installed. */
export function currentPlatform(): { ios: boolean; iosSafari: boolean; installed: boolean } {
  if (typeof navigator === 'undefined') return { ios: false, iosSafari: false, installed: false };
  const standalone = typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches;
  return {
    ios: isIos(navigator.userAgent, navigator.maxTouchPoints),
    iosSafari: isIosSafari(navigator.userAgent, navigator.maxTouchPoints),
    installed: isStandalone(standalone, (navigator as { standalone?: unknown }).standalone),
  };
}
