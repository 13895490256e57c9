/** The reader's settings: one typed record. Defaults and validation live in ./defaults.ts. See ./README.md. */
import type { ColumnsChoice } from '../reader/layout-port';
import type { ReadingMode } from '../reader/place';

export type { ColumnsChoice, ReadingMode };

export type FontChoice = 'literata' | 'atkinson' | 'opendyslexic' | 'serif' | 'sans';
export type ThemeChoice = 'system' | 'light' | 'sepia' | 'dark' | 'black';
/** A theme as painted: "system" resolved through prefers-color-scheme. */
export type ResolvedTheme = Exclude<ThemeChoice, 'system'>;
export type PageTurn = 'slide' | 'none';
export type ParagraphStyle = 'indented' | 'spaced';

export interface Settings {
  font: FontChoice;
  /** CSS px at the browser's default 16 px base; applied in rem. 14..32. */
  fontSize: number;
  /** Unitless line height, 1.2..2.0. */
  lineHeight: number;
  /** Line length in em, 30..45. */
  measure: number;
  justify: boolean;
  paragraphs: ParagraphStyle;
  theme: ThemeChoice;
  columns: ColumnsChoice;
  pageTurn: PageTurn;
  smartPunctuation: boolean;
  mode: ReadingMode;
  /** Hold a screen wake lock while the reader is open and in use (src/device). */
  keepScreenOn: boolean;
  /** Read-aloud voice (a `SpeechSynthesisVoice.voiceURI`), or null: the best offline voice for the work's language. */
  voice: string | null;
  /** Read-aloud rate, 0.5..3 (1 is the voice's normal speed). */
  speechRate: number;
}
