import { describe, expect, it } from 'vitest';
import { isIos, isIosSafari, isStandalone } from '../../../src/pwa/platform';

const UA = {
  iphoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iphoneChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  iphoneFirefox: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15',
  ipadOs: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  androidChrome: 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  iphoneWebView: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
};

describe('isIos / isIosSafari', () => {
  it('finds Safari on iPhone and on iPadOS (which says Macintosh, with touch)', () => {
    expect(isIosSafari(UA.iphoneSafari)).toBe(true);
    expect(isIosSafari(UA.ipadOs, 5)).toBe(true);
  });

  it('does not take a Mac without touch for an iPad', () => {
    expect(isIos(UA.ipadOs, 0)).toBe(false);
    expect(isIosSafari(UA.ipadOs, 0)).toBe(false);
  });

  it('leaves out other iOS browsers and in-app web views', () => {
    expect(isIos(UA.iphoneChrome)).toBe(true);
    expect(isIosSafari(UA.iphoneChrome)).toBe(false);
    expect(isIosSafari(UA.iphoneFirefox)).toBe(false);
    expect(isIosSafari(UA.iphoneWebView)).toBe(false);
  });

  it('is false on Android', () => {
    expect(isIos(UA.androidChrome, 5)).toBe(false);
  });
});

describe('isStandalone', () => {
  it('is true for display-mode standalone or iOS navigator.standalone, and only for true', () => {
    expect(isStandalone(true, undefined)).toBe(true);
    expect(isStandalone(false, true)).toBe(true);
    expect(isStandalone(false, 'true')).toBe(false);
    expect(isStandalone(false, undefined)).toBe(false);
  });
});
