import { t } from '@/lib/i18n';
import type { CertificationSummary } from '@/lib/referentiels/summary';

interface Props {
  certifications: readonly CertificationSummary[];
  certification: CertificationSummary | null;
  blocId: string | null;
  onCertification: (id: string) => void;
  onBloc: (id: string) => void;
}

export function SelectionPickers({ certifications, certification, blocId, onCertification, onBloc }: Props) {
  return (
    <div className="pickers">
      <label htmlFor="certification-select">{t('certification')}</label>
      <select
        id="certification-select"
        value={certification?.id ?? ''}
        onChange={(e) => onCertification(e.currentTarget.value)}
      >
        {!certification && <option value="">{t('chooseCertification')}</option>}
        {certifications.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title}
          </option>
        ))}
      </select>
      {certification && (
        <>
          <label htmlFor="bloc-select">{t('bloc')}</label>
          <select id="bloc-select" value={blocId ?? ''} onChange={(e) => onBloc(e.currentTarget.value)}>
            {certification.blocs.map((b) => (
              <option key={b.id} value={b.id}>
                {t('blocLabel', b.code, b.title)}
                {b.optional ? ` (${t('blocOption')})` : ''}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
