/** Cross-tab news of written positions, over a BroadcastChannel (a no-op where there is none). */
import type { Locator } from '../reader/locator';

/** Sends and receives position news between tabs of this origin. */
export interface PositionChannel {
  post(locator: Locator): void;
  close(): void;
}

/** Opens the channel; `onMessage` gets whatever another tab posted (unchecked). */
export function openPositionChannel(name: string, onMessage: (locator: unknown) => void): PositionChannel {
  if (typeof BroadcastChannel !== 'function') return { post() {}, close() {} };
  const channel = new BroadcastChannel(name);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    const data = event.data;
    if (typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'position') {
      onMessage((data as { locator?: unknown }).locator);
    }
  };
  return {
    post(locator) {
      channel.postMessage({ type: 'position', locator });
    },
    close() {
      channel.close();
    },
  };
}
