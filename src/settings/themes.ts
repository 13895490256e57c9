/** The four painted themes' palettes. src/styles/themes.css paints them; a unit test keeps the two identical and checks WCAG AA contrast. */
import type { ResolvedTheme } from './types';

/** One theme's colours, named after their CSS variables (`bg` → `--color-bg`, `onAccent` → `--color-on-accent`). */
export interface Palette {
  /** Page background; also the browser's theme-color. */
  bg: string;
  /** Body text: ≥ 4.5:1 on bg and surface. */
  text: string;
  /** Secondary text: ≥ 4.5:1 on bg and surface. */
  muted: string;
  /** Links, selected controls, buttons: ≥ 4.5:1 on bg and surface. */
  accent: string;
  /** Panels, cards, sheets. */
  surface: string;
  /** Control and panel boundaries: ≥ 3:1 on bg and surface. */
  border: string;
  /** Focus ring: ≥ 3:1 on bg and surface. */
  focus: string;
  /** Text selection background: text stays ≥ 4.5:1 on it. */
  selection: string;
  /** Search-hit background: text stays ≥ 4.5:1 on it. */
  highlight: string;
  /** Text on an accent background: ≥ 4.5:1. */
  onAccent: string;
}

/** Every painted theme's palette. */
export const PALETTES: Readonly<Record<ResolvedTheme, Readonly<Palette>>> = {
  light: {
    bg: '#fbf8f1', text: '#1f1b16', muted: '#5a5348', accent: '#8f3f0c', surface: '#f1ebdf',
    border: '#867d70', focus: '#1a5fb4', selection: '#cfe0f5', highlight: '#ffe08a', onAccent: '#ffffff',
  },
  sepia: {
    bg: '#f4ecd8', text: '#33291c', muted: '#5c4c36', accent: '#8a3d0e', surface: '#eadfc4',
    border: '#877558', focus: '#1a5a9e', selection: '#d9c9a0', highlight: '#f5d166', onAccent: '#ffffff',
  },
  dark: {
    bg: '#1b1c20', text: '#e8e3d8', muted: '#aba597', accent: '#f0b46e', surface: '#26282e',
    border: '#7a7e88', focus: '#8ab4f8', selection: '#3b4d6b', highlight: '#6a5314', onAccent: '#1b1c20',
  },
  black: {
    bg: '#000000', text: '#d6d6d6', muted: '#a3a3a3', accent: '#eeae65', surface: '#141414',
    border: '#707070', focus: '#8ab4f8', selection: '#34425c', highlight: '#5c4810', onAccent: '#000000',
  },
};

/** The CSS custom property for a palette key: `onAccent` → `--color-on-accent`. */
export function paletteVar(key: keyof Palette): string {
  return `--color-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}
