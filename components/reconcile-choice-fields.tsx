import { useId } from 'react';
import { F, M, pick } from '@/lib/export/backup-messages';
import { previewText, type TextChoice, type ValueChoice } from '@/lib/export/reconcile';

/** A choice between two texts: mine, theirs, both (each under its juror's name), or edited. */
export function TextChoiceField(props: {
  legend: string;
  mine: { text: string; by: string };
  theirs: { text: string; by: string };
  value: TextChoice | undefined;
  onChange: (choice: TextChoice) => void;
}) {
  const ids = useId();
  const { legend, mine, theirs, value, onChange } = props;
  const keep = value?.keep ?? 'mine';
  return (
    <fieldset className="reconcile-text">
      <legend>
        {legend} — {pick(M.keep)}
      </legend>
      <div className="reconcile-sides">
        <p>
          <strong>{mine.by}</strong> : <span className="quote">{mine.text || pick(M.empty)}</span>
        </p>
        <p>
          <strong>{theirs.by}</strong> : <span className="quote">{theirs.text || pick(M.empty)}</span>
        </p>
      </div>
      {(['mine', 'theirs', 'both'] as const).map((k) => (
        <label key={k} className="choice">
          <input type="radio" name={`${ids}-keep`} value={k} checked={keep === k} onChange={() => onChange({ keep: k })} />
          {pick(M[k])}
        </label>
      ))}
      <label htmlFor={`${ids}-text`}>{pick(M.keptText)}</label>
      <textarea id={`${ids}-text`} rows={3} value={previewText(value, mine, theirs)} onChange={(e) => onChange({ keep: 'edited', text: e.currentTarget.value })} />
    </fieldset>
  );
}

/** A choice between two values (status, decision): mine or theirs. */
export function ValueChoiceField(props: { legend: string; mine: string; theirs: string; theirName: string; value: ValueChoice | undefined; onChange: (choice: ValueChoice) => void }) {
  const ids = useId();
  const value = props.value ?? 'mine';
  return (
    <fieldset className="reconcile-value">
      <legend>
        {props.legend} — {pick(M.keep)}
      </legend>
      <label className="choice">
        <input type="radio" name={`${ids}-keep`} value="mine" checked={value === 'mine'} onChange={() => props.onChange('mine')} />
        {pick(F.mineWithValue(props.mine))}
      </label>
      <label className="choice">
        <input type="radio" name={`${ids}-keep`} value="theirs" checked={value === 'theirs'} onChange={() => props.onChange('theirs')} />
        {pick(F.theirsWithValue(props.theirs, props.theirName))}
      </label>
    </fieldset>
  );
}
