/** Idle time, where the browser has it: requestIdleCallback, else (Safari) a short timer. */

/** Calls `task` in the next idle period, or after `timeoutMs` at the latest; returns a canceller. */
export function whenIdle(task: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
