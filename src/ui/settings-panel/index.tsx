/** The settings panel: every reading setting as a native control, applied live behind it. */
import type { ComponentChildren } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { FONT_STACKS } from '../../settings/css';
import { CHOICES, DEFAULT_SETTINGS, RANGES, type Range } from '../../settings/defaults';
import { PALETTES } from '../../settings/themes';
import type { ColumnsChoice, FontChoice, PageTurn, ParagraphStyle, Settings, ThemeChoice } from '../../settings/types';
import { Panel } from '../panel';
import './style.css';

/** Props: the current settings, where changes go, and how the panel closes. */
export interface SettingsPanelProps {
  settings: Settings;
  onChange: (next: Settings) => void;
  /** Called on Escape, the close button or a click outside; the parent unmounts the panel. */
  onClose: () => void;
  /** Extra sections (storage, export/import) shown after the reading settings. */
  children?: ComponentChildren;
}

const FONT_LABELS: Record<FontChoice, string> = {
  literata: 'Literata',
  atkinson: 'Atkinson Hyperlegible Next',
  opendyslexic: 'OpenDyslexic',
  serif: 'Device serif',
  sans: 'Device sans',
};
const THEME_LABELS: Record<ThemeChoice, string> = { system: 'Match system', light: 'Light', sepia: 'Sepia', dark: 'Dark', black: 'Black' };
const COLUMN_LABELS: Record<ColumnsChoice, string> = { auto: 'Auto', one: 'One', two: 'Two' };
const TURN_LABELS: Record<PageTurn, string> = { slide: 'Slide', none: 'None' };
const PARAGRAPH_LABELS: Record<ParagraphStyle, string> = { indented: 'Indented', spaced: 'Spaced' };

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

function usePrefersReducedMotion(): boolean {
  const [reduced, setReduced] = useState(() => typeof matchMedia === 'function' && matchMedia(REDUCED_MOTION).matches);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const query = matchMedia(REDUCED_MOTION);
    const update = () => setReduced(query.matches);
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return reduced;
}

interface RadioGroupProps<T extends string> {
  legend: string;
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onSelect: (value: T) => void;
  optionStyle?: (value: T) => Record<string, string>;
  swatch?: (value: T) => ComponentChildren;
  note?: ComponentChildren;
}

function RadioGroup<T extends string>(props: RadioGroupProps<T>) {
  const name = `${useId()}-${props.name}`;
  return (
    <fieldset class="settings-group">
      <legend class="settings-label">{props.legend}</legend>
      <div class="settings-options">
        {props.options.map((option) => (
          <label class="settings-option" key={option}>
            <input type="radio" name={name} value={option} checked={props.value === option} onChange={() => props.onSelect(option)} />
            {props.swatch?.(option)}
            <span style={props.optionStyle?.(option)}>{props.labels[option]}</span>
          </label>
        ))}
      </div>
      {props.note}
    </fieldset>
  );
}

interface RangeFieldProps {
  label: string;
  range: Range;
  value: number;
  format: (value: number) => string;
  onValue: (value: number) => void;
}

function RangeField({ label, range, value, format, onValue }: RangeFieldProps) {
  const id = useId();
  return (
    <div class="settings-group settings-range">
      <label class="settings-label" for={id}>
        {label}
      </label>
      {/* The value is read out through aria-valuetext; shown here for sighted readers. */}
      <span class="settings-value" aria-hidden="true">
        {format(value)}
      </span>
      <input
        id={id}
        type="range"
        min={range.min}
        max={range.max}
        step={range.step}
        value={value}
        aria-valuetext={format(value)}
        onInput={(event) => onValue(Number(event.currentTarget.value))}
      />
    </div>
  );
}

function Toggle({ label, checked, onToggle }: { label: string; checked: boolean; onToggle: (checked: boolean) => void }) {
  return (
    <label class="settings-group settings-toggle">
      <input type="checkbox" checked={checked} onChange={(event) => onToggle(event.currentTarget.checked)} />
      <span class="settings-label">{label}</span>
    </label>
  );
}

function themeSwatch(theme: ThemeChoice) {
  if (theme === 'system') return <span class="settings-swatch system" aria-hidden="true" />;
  const palette = PALETTES[theme];
  return <span class="settings-swatch" aria-hidden="true" style={{ backgroundColor: palette.bg, color: palette.text }} />;
}

/** Every reading setting, in the shared panel over a clear backdrop: the page shows each change behind it. */
export function SettingsPanel({ settings, onChange, onClose, children }: SettingsPanelProps) {
  const reducedMotion = usePrefersReducedMotion();
  const update = <K extends keyof Settings>(key: K, value: Settings[K]) => onChange({ ...settings, [key]: value });

  return (
    <Panel title="Settings" onClose={onClose} clear class="settings-panel">
      <div class="settings-content">
        <RadioGroup
          legend="Font"
          name="font"
          options={CHOICES.font}
          labels={FONT_LABELS}
          value={settings.font}
          onSelect={(font) => update('font', font)}
          optionStyle={(font) => ({ fontFamily: FONT_STACKS[font] })}
        />
        <RangeField label="Font size" range={RANGES.fontSize} value={settings.fontSize} format={(v) => `${v} px`} onValue={(v) => update('fontSize', v)} />
        <RangeField label="Line spacing" range={RANGES.lineHeight} value={settings.lineHeight} format={(v) => v.toFixed(1)} onValue={(v) => update('lineHeight', v)} />
        <RangeField label="Margins" range={RANGES.measure} value={settings.measure} format={(v) => `${v} em lines`} onValue={(v) => update('measure', v)} />
        <Toggle label="Justify" checked={settings.justify} onToggle={(v) => update('justify', v)} />
        <RadioGroup legend="Paragraphs" name="paragraphs" options={CHOICES.paragraphs} labels={PARAGRAPH_LABELS} value={settings.paragraphs} onSelect={(v) => update('paragraphs', v)} />
        <RadioGroup legend="Theme" name="theme" options={CHOICES.theme} labels={THEME_LABELS} value={settings.theme} onSelect={(v) => update('theme', v)} swatch={themeSwatch} />
        <RadioGroup legend="Columns" name="columns" options={CHOICES.columns} labels={COLUMN_LABELS} value={settings.columns} onSelect={(v) => update('columns', v)} />
        <RadioGroup
          legend="Page turns"
          name="page-turn"
          options={CHOICES.pageTurn}
          labels={TURN_LABELS}
          value={settings.pageTurn}
          onSelect={(v) => update('pageTurn', v)}
          note={reducedMotion ? <p class="settings-note">Your device asks for reduced motion, so pages turn without sliding.</p> : null}
        />
        <Toggle label="Smart punctuation" checked={settings.smartPunctuation} onToggle={(v) => update('smartPunctuation', v)} />

        <button type="button" class="button settings-reset" onClick={() => onChange({ ...DEFAULT_SETTINGS })}>
          Reset
        </button>

        {children}
      </div>
    </Panel>
  );
}
