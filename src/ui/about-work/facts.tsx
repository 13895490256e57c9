/** What is known of a work, in two lists that never mix: what the text says, and what this app adds. */
import { Fragment } from 'preact';
import type { WorkInfo } from '../../content/types';

const number = new Intl.NumberFormat('en');

/** "From the text" and "Added by this app", side by side on wide screens. */
export function Provenance({ work }: { work: WorkInfo }) {
  const { fromText, addedByApp } = work.meta;
  return (
    <div class="provenance">
      <section class="from-text" aria-labelledby="from-text-title">
        <h2 id="from-text-title">From the text</h2>
        <dl>
          <dt>Title</dt>
          <dd>{fromText.title ?? 'None given'}</dd>
          <dt>Opens</dt>
          <dd>“{fromText.opening}”</dd>
          {fromText.notes.map((note) => (
            <Fragment key={note}>
              <dt>Note</dt>
              <dd>{note}</dd>
            </Fragment>
          ))}
          <dt>Paragraphs</dt>
          <dd>{number.format(fromText.paragraphs)}</dd>
          <dt>Words</dt>
          <dd>{number.format(fromText.words)} (counted as wc -w counts)</dd>
        </dl>
      </section>
      <section class="added-by-app" aria-labelledby="added-title">
        <h2 id="added-title">
          Added by this app <span class="badge">Quire</span>
        </h2>
        <dl>
          <dt>Display title</dt>
          <dd>
            {addedByApp.displayTitle}
            {addedByApp.displayTitleNote && <span class="muted"> ({addedByApp.displayTitleNote})</span>}
          </dd>
          <dt>Fandom</dt>
          <dd>{addedByApp.fandom}</dd>
          <dt>Relationship</dt>
          <dd>{addedByApp.relationship}</dd>
          <dt>Characters</dt>
          <dd>{addedByApp.characters.length > 0 ? addedByApp.characters.join(', ') : 'None listed'}</dd>
          <dt>Tags</dt>
          <dd>
            <ul class="tags">
              {addedByApp.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          </dd>
          <dt>Content notes</dt>
          <dd>
            {addedByApp.contentNotes.length > 0 ? (
              <ul class="content-notes">
                {addedByApp.contentNotes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            ) : (
              'None'
            )}
          </dd>
          <dt>Audience</dt>
          <dd>{addedByApp.adult ? `Adults only: ${addedByApp.adultReason}` : 'Not marked adult'}</dd>
        </dl>
      </section>
    </div>
  );
}
