/** A work's generated cover, drawn inline with the page's reading font from the spec made at build time. */
import { covers } from 'virtual:quire/covers';
import { memo } from '../memo';
import { COVER_HEIGHT, COVER_WIDTH, type CoverSpec } from './types';
import './style.css';

/** The generated cover of a work, or undefined for an id the build did not know. */
export function coverOf(workId: string): CoverSpec | undefined {
  return covers[workId];
}

const BAND = 22;
const LINE = 1.18;

/** The cover as an image with a name that says what it is ("Generated cover: title …, fandom …"). */
export const Cover = memo(function Cover({ workId, class: className }: { workId: string; class?: string }) {
  const spec = coverOf(workId);
  if (!spec) return null;
  const bandY = spec.variant === 0 ? 0 : COVER_HEIGHT - BAND;
  const titleHeight = spec.title.length * spec.titleSize * LINE;
  // The title sits a little above the middle; the fandom near the edge away from the band.
  const titleTop = (COVER_HEIGHT - titleHeight) / 2 - 10 + spec.titleSize;
  const ruleY = titleTop + (spec.title.length - 1) * spec.titleSize * LINE + 9;
  const fandomTop = spec.variant === 0 ? COVER_HEIGHT - 14 - (spec.fandom.length - 1) * 10 : 20;
  return (
    <svg
      class={`cover${className ? ` ${className}` : ''}`}
      viewBox={`0 0 ${COVER_WIDTH} ${COVER_HEIGHT}`}
      role="img"
      aria-label={spec.label}
      focusable="false"
    >
      <rect width={COVER_WIDTH} height={COVER_HEIGHT} fill={spec.bg} />
      <rect y={bandY} width={COVER_WIDTH} height={BAND} fill={spec.band} />
      <rect x={6} y={6} width={COVER_WIDTH - 12} height={COVER_HEIGHT - 12} fill="none" stroke={spec.ink} stroke-width={0.75} />
      <text class="cover-title" fill={spec.ink} font-size={spec.titleSize} text-anchor="middle">
        {spec.title.map((line, i) => (
          <tspan key={i} x={COVER_WIDTH / 2} y={titleTop + i * spec.titleSize * LINE}>
            {line}
          </tspan>
        ))}
      </text>
      <line x1={COVER_WIDTH / 2 - 14} x2={COVER_WIDTH / 2 + 14} y1={ruleY} y2={ruleY} stroke={spec.ink} stroke-width={0.75} />
      <text class="cover-fandom" fill={spec.ink} font-size={8} text-anchor="middle">
        {spec.fandom.map((line, i) => (
          <tspan key={i} x={COVER_WIDTH / 2} y={fandomTop + i * 10}>
            {line}
          </tspan>
        ))}
      </text>
    </svg>
  );
});
