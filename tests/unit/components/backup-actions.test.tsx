// The backup buttons: export (download through an object URL and <a download>), import with a
// summary first, conflicts settled by the juror, errors in words, markup shown as text.
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { BackupActions } from '@/components/backup-actions';
import { WorkspaceDb } from '@/lib/workspace/db';
import { createEvaluation } from '@/lib/workspace/evaluations';
import { setStatus } from '@/lib/workspace/assessments';
import { addEvidence } from '@/lib/workspace/evidence';
import { fixtureCertification } from '../../fixtures/certification';
import { counts } from '../../fixtures/exports/random-workspace';

const certifications = [fixtureCertification];
let downloads: { blob: Blob; name: string }[];
const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };

beforeEach(() => {
  vi.stubGlobal('Blob', NodeBlob);
  downloads = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    last = blob;
    return 'blob:grille/backup';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ blob: last!, name: this.download });
  });
});
afterEach(() => {
  URL.createObjectURL = original.create;
  URL.revokeObjectURL = original.revoke;
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

async function seeded(name = 'Camille Martin') {
  const db = new WorkspaceDb(`backup-ui-${crypto.randomUUID()}`);
  const id = await createEvaluation(db, { candidateName: name, certificationId: 'test-certification', referentielVersion: 3, blocIds: ['tc-b1'], mode: 'jury', jurors: [{ name: 'Nadia Benali', external: true }], deliverables: [] }, 'Nadia Benali');
  await setStatus(db, { evaluationId: id, criterionId: 'tc-k001', status: 'acquis' }, 'Nadia Benali');
  await addEvidence(db, { evaluationId: id, kind: 'screenshot', url: 'https://a.fr/', pageTitle: 'A', capturedAt: 1, image: new Blob([new Uint8Array([1, 2])], { type: 'image/png' }), criterionIds: ['tc-k001'] }, 'Nadia Benali');
  return { db, id };
}

async function exportedFile(db: WorkspaceDb, id: string) {
  const user = userEvent.setup();
  const view = render(<BackupActions db={db} evaluationId={id} who="Nadia Benali" certifications={certifications} />);
  await user.click(screen.getByRole('button', { name: 'Exporter cette évaluation' }));
  await waitFor(() => expect(downloads).toHaveLength(1));
  view.unmount();
  const { blob, name } = downloads[0]!;
  return new File([await blob.text()], name, { type: 'application/json' });
}

describe('BackupActions', () => {
  it('exports this evaluation as a named JSON download, and everything', async () => {
    const { db, id } = await seeded();
    const user = userEvent.setup();
    render(<BackupActions db={db} evaluationId={id} who="Nadia Benali" certifications={certifications} />);
    await user.click(screen.getByRole('button', { name: 'Exporter cette évaluation' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^grille-camille-martin-\d{4}-\d\d-\d\d\.json$/);
    expect(downloads[0]!.blob.type).toBe('application/json');
    expect(JSON.parse(await downloads[0]!.blob.text()).data.evaluations[0].id).toBe(id);
    expect(await screen.findByText(`Fichier prêt : ${downloads[0]!.name}`)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Tout exporter' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]!.name).toMatch(/^grille-sauvegarde-\d{4}-\d\d-\d\d\.json$/);
  });

  it('shows what a file holds, imports it on confirmation, and settles conflicts', async () => {
    const source = await seeded();
    const file = await exportedFile(source.db, source.id);
    const db = new WorkspaceDb(`backup-ui-${crypto.randomUUID()}`);
    const onImported = vi.fn();
    const user = userEvent.setup();
    render(<BackupActions db={db} who="Paul" certifications={certifications} onImported={onImported} />);
    expect(screen.queryByRole('button', { name: 'Exporter cette évaluation' })).toBeNull();
    await user.upload(screen.getByLabelText('Importer une sauvegarde (JSON)'), file);
    const summary = await screen.findByRole('group', { name: 'Contenu du fichier' });
    expect(summary.textContent).toContain('1 candidat');
    expect(summary.textContent).toContain('1 évaluation : Camille Martin');
    expect(summary.textContent).toContain('Référentiels : Certification de test (version 3)');
    expect(summary.textContent).toContain('1 preuve dont 1 capture d’écran');
    const audit = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    expect(await db.evaluations.count()).toBe(0);
    await user.click(within(summary).getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Import terminé : 1 évaluation importée.')).toBeTruthy();
    expect(onImported).toHaveBeenCalledWith([source.id]);
    expect(await db.evaluations.count()).toBe(1);

    // The same file again: the juror chooses what to do.
    await user.upload(screen.getByLabelText('Importer une sauvegarde (JSON)'), file);
    const conflicts = await screen.findByRole('group', { name: 'Ces évaluations existent déjà ici. Que faire ?' });
    expect(within(conflicts).getByText('Camille Martin — Certification de test')).toBeTruthy();
    expect((within(conflicts).getByRole('radio', { name: 'Les ignorer (garder celles d’ici)' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(conflicts).getByRole('radio', { name: 'Les importer comme copies' }));
    await user.click(screen.getByRole('button', { name: 'Importer' }));
    expect(await screen.findByText('Import terminé : 1 copiée.')).toBeTruthy();
    expect(await db.evaluations.count()).toBe(2);
  });

  it('says in words why a file is refused, and writes nothing', async () => {
    const source = await seeded();
    const file = await exportedFile(source.db, source.id);
    const truncated = new File([(await file.text()).slice(0, 200)], 'abime.json');
    const { db } = await seeded('Déjà là');
    const before = await counts(db);
    const user = userEvent.setup();
    render(<BackupActions db={db} who="Paul" certifications={certifications} />);
    await user.upload(screen.getByLabelText('Importer une sauvegarde (JSON)'), truncated);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Import refusé : rien n’a été modifié.');
    expect(alert.textContent).toContain('incomplet');
    expect(screen.queryByRole('group', { name: 'Contenu du fichier' })).toBeNull();
    const unknown = JSON.parse(await file.text());
    unknown.data.evaluations[0].certificationId = 'inconnu';
    await user.upload(screen.getByLabelText('Importer une sauvegarde (JSON)'), new File([JSON.stringify(unknown)], 'x.json'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/référentiel inconnu : inconnu version 3/));
    expect(await counts(db)).toEqual(before);
  });

  it('shows markup from a file as text', async () => {
    const source = await seeded('<img src=x onerror="alert(1)"><b>Gras</b>');
    const file = await exportedFile(source.db, source.id);
    const db = new WorkspaceDb(`backup-ui-${crypto.randomUUID()}`);
    const user = userEvent.setup();
    const { container } = render(<BackupActions db={db} who={null} certifications={certifications} />);
    await user.upload(screen.getByLabelText('Importer une sauvegarde (JSON)'), file);
    const summary = await screen.findByRole('group', { name: 'Contenu du fichier' });
    expect(summary.textContent).toContain('<img src=x onerror="alert(1)"><b>Gras</b>');
    expect(container.querySelector('img, b')).toBeNull();
  });
});
