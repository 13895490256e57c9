/** Idle time, where the browser has it: requestIdleCallback, else (Safari) a short timer; and the moment after a paint. */

/** Calls `task` once the frame in flight is painted (rAF runs before the paint; a task queued from it runs after); returns a canceller. */
export function afterPaint(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => (timer = setTimeout(task, 0)));
  return () => (cancelAnimationFrame(frame), clearTimeout(timer));
}

/** Calls `task` in the next idle period, or after `timeoutMs` at the latest; returns a canceller. */
export function whenIdle(task: () => void, timeoutMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(task, { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
