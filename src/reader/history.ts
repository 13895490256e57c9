/**
 * "Back to where you were" as pure rules. A run of jumps keeps the place before the first of
 * them; reading on (a turn, a scroll) and then jumping replaces it; going back uses it up; a
 * place adopted from outside (an import, another tab) offers the place it left.
 */
import type { Locator } from './locator';

/** The place Back returns to, and whether the reader read on since the last jump. */
export interface BackState {
  place: Locator | null;
  readOn: boolean;
}

/** Nothing to go back to. */
export const NO_BACK: BackState = { place: null, readOn: true };

/** A jump from `here`; `remember: false` leaves Back as it is. */
export function jumped(state: BackState, here: Locator | null, remember: boolean): BackState {
  const keep = !remember || here === null || (state.place !== null && !state.readOn);
  return { place: keep ? state.place : here, readOn: false };
}

/** A turn or a scroll by the reader. */
export function readOn(state: BackState): BackState {
  return state.readOn ? state : { ...state, readOn: true };
}

/** Back was used (or dismissed): nothing to go back to until the next jump. */
export function wentBack(): BackState {
  return NO_BACK;
}

/** A place from outside moved the reader from `here`: Back offers `here`. */
export function adopted(state: BackState, here: Locator | null): BackState {
  return here === null ? state : { place: here, readOn: false };
}
