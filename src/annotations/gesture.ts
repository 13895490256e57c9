/**
 * A selection never turns the page (foliate-js #86: on iOS, dragging a selection handle turned
 * it): the rules the reader's tap, swipe and key handling apply. Pure.
 */

/** True when a tap or swipe may act (turn, show the controls): not when it started while text was selected, nor when it ends with a selection. */
export function gestureMayAct(g: { selectedAtStart: boolean; selectedAtEnd: boolean }): boolean {
  return !g.selectedAtStart && !g.selectedAtEnd;
}

/** True when a key may turn the page: Shift with an arrow extends a selection instead. */
export function keyMayTurn(key: string, shift: boolean): boolean {
  return !(shift && key.startsWith('Arrow'));
}

/** True when the document's selection is a non-empty range inside `content`. */
export function hasSelectionIn(content: Node | null, selection: Selection | null): boolean {
  if (!content || !selection || selection.isCollapsed || selection.rangeCount === 0) return false;
  return content.contains(selection.anchorNode) || content.contains(selection.focusNode);
}
