import { t } from '@/lib/i18n';

export type CriteriaOrder = 'relevance' | 'document';

/** Radio group: criteria by relevance to the active tab, or in the référentiel's order. */
export function OrderSwitch({ value, onChange }: { value: CriteriaOrder; onChange: (o: CriteriaOrder) => void }) {
  return (
    <fieldset className="order-switch">
      <legend>{t('order')}</legend>
      {(['relevance', 'document'] as const).map((option) => (
        <label key={option}>
          <input
            type="radio"
            name="criteria-order"
            value={option}
            checked={value === option}
            onChange={() => onChange(option)}
          />{' '}
          {t(option === 'relevance' ? 'orderRelevance' : 'orderDocument')}
        </label>
      ))}
    </fieldset>
  );
}
