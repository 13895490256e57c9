/** A quiet "Offline" mark: offline is normal for Quire, so it informs and never alarms. */
import './style.css';

/** Props for OfflineIndicator. */
export interface OfflineIndicatorProps {
  /** navigator.onLine (pwa.state.online.value). */
  online: boolean;
}

/** Shows "Offline" while the network is away; the status element stays mounted so the change is announced. */
export function OfflineIndicator({ online }: OfflineIndicatorProps) {
  return (
    <span class={online ? 'offline-indicator' : 'offline-indicator offline'} role="status">
      {online ? '' : 'Offline'}
    </span>
  );
}
