// Importing a school's référentiel: preview (title, blocs, counts), import, errors in words.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { ReferentielImport } from '@/components/referentiel-import';
import { WorkspaceDb } from '@/lib/workspace/db';
import { fixtureCertification } from '../../fixtures/certification';

const csv = readFileSync('docs/examples/referentiel-template.csv', 'utf8');
const json = readFileSync('docs/examples/referentiel-example.json', 'utf8');
const bundled = [fixtureCertification];

let db: WorkspaceDb;
beforeEach(() => {
  db = new WorkspaceDb(`ref-ui-${crypto.randomUUID()}`);
});

describe('ReferentielImport', () => {
  it('previews a CSV, then imports it', async () => {
    const onImported = vi.fn();
    const user = userEvent.setup();
    render(<ReferentielImport db={db} bundled={bundled} onImported={onImported} />);
    await user.upload(screen.getByLabelText('Fichier du référentiel (JSON ou CSV)'), new File([csv], 'referentiel-template.csv', { type: 'text/csv' }));
    const title = 'Exemple — Chargé de communication digitale (référentiel fictif)';
    const preview = await screen.findByRole('group', { name: title });
    expect(preview.textContent).toContain('Identifiant exemple-communication-digitale · version 1');
    expect(preview.textContent).toContain('2 blocs, 4 compétences, 7 critères');
    expect(within(preview).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Bloc BC01 — Piloter la stratégie de communication digitale : 2 compétences, 5 critères',
      'Bloc BC02 — Animer une communauté en ligne (optionnel) : 2 compétences, 2 critères',
    ]);
    expect(await db.customReferentiels.count()).toBe(0);
    const audit = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    await user.click(within(preview).getByRole('button', { name: 'Importer ce référentiel' }));
    expect(await screen.findByText(`Référentiel « ${title} » version 1 importé.`)).toBeTruthy();
    expect(onImported).toHaveBeenCalledTimes(1);
    expect((await db.customReferentiels.get(['exemple-communication-digitale', 1]))?.source).toBe('referentiel-template.csv');

    // A new version goes beside the old one.
    const v2 = JSON.stringify({ ...JSON.parse(json), dataVersion: 2 });
    await user.upload(screen.getByLabelText('Fichier du référentiel (JSON ou CSV)'), new File([v2], 'v2.json', { type: 'application/json' }));
    await user.click(await screen.findByRole('button', { name: 'Importer ce référentiel' }));
    expect(await screen.findByText(/version 2 importé\. La version 1 reste disponible pour les évaluations qui l'utilisent\./)).toBeTruthy();
    expect(await db.customReferentiels.count()).toBe(2);
  });

  it('lists the problems of a file in words, naming lines and columns', async () => {
    const bad = csv.replace('market-research|seo', 'market-research|seoo');
    const user = userEvent.setup();
    render(<ReferentielImport db={db} bundled={bundled} />);
    await user.upload(screen.getByLabelText('Fichier du référentiel (JSON ou CSV)'), new File([bad], 'r.csv'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Le fichier ne peut pas être importé :');
    expect(within(alert).getAllByRole('listitem')[0]!.textContent).toMatch(/^ligne 2, colonne topics : « seoo » n'est pas un thème connu/);
    expect(screen.queryByRole('button', { name: 'Importer ce référentiel' })).toBeNull();
  });

  it('refuses the id of a certification shipped with Grille', async () => {
    const user = userEvent.setup();
    render(<ReferentielImport db={db} bundled={bundled} />);
    await user.upload(screen.getByLabelText('Fichier du référentiel (JSON ou CSV)'), new File([JSON.stringify(fixtureCertification)], 'r.json'));
    await user.click(await screen.findByRole('button', { name: 'Importer ce référentiel' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/identifiant d’une certification fournie avec Grille/);
    expect(await db.customReferentiels.count()).toBe(0);
  });
});
