import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportActions } from '@/components/export-actions';
import { exportFileName, MIME, slug, triggerDownload } from '@/lib/export/download';
import { isoDay } from '@/lib/export/format';
import { WorkspaceDb } from '@/lib/workspace/db';
import { exportCertification, SAMPLE, seedExportSession } from '../../fixtures/export-session';

// Building a PDF or DOCX takes a few hundred ms in jsdom, more on a loaded machine.
configure({ asyncUtilTimeout: 10_000 });

const readText = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });

const readBytes = (blob: Blob) =>
  new Promise<Uint8Array>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });

let db: WorkspaceDb;
let evaluationId: string;
beforeEach(async () => {
  db = new WorkspaceDb(`export-actions-${crypto.randomUUID()}`);
  evaluationId = await seedExportSession(db);
});

describe('ExportActions', () => {
  it('offers the record and the feedback of the evaluation, and the session summary, in labelled groups', () => {
    render(<ExportActions db={db} certifications={[exportCertification]} evaluationId={evaluationId} session download={vi.fn()} />);
    expect(screen.getByRole('region', { name: 'Exports' })).toBeTruthy();
    const evaluation = screen.getByRole('group', { name: 'Procès-verbal et retour au candidat' });
    expect(within(evaluation).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Procès-verbal (DOCX)',
      'Procès-verbal (PDF)',
      'Retour au candidat (DOCX)',
      'Retour au candidat (PDF)',
      'Retour au candidat (Markdown)',
    ]);
    const session = screen.getByRole('group', { name: 'Synthèse de session' });
    expect(within(session).getAllByRole('button').map((b) => b.textContent)).toEqual(['Synthèse de session (CSV) — critères', 'Synthèse de session (CSV) — blocs et décisions']);
  });

  it('shows only what applies: no evaluation, no record buttons', () => {
    render(<ExportActions db={db} certifications={[exportCertification]} session download={vi.fn()} />);
    expect(screen.queryByRole('group', { name: 'Procès-verbal et retour au candidat' })).toBeNull();
  });

  it.each([
    ['Procès-verbal (DOCX)', 'pv', 'docx'],
    ['Procès-verbal (PDF)', 'pv', 'pdf'],
    ['Retour au candidat (DOCX)', 'retour', 'docx'],
    ['Retour au candidat (PDF)', 'retour', 'pdf'],
  ] as const)('« %s » downloads %s-<candidate>-<date>.%s and says so', async (label, prefix, kind) => {
    const download = vi.fn();
    const user = userEvent.setup();
    render(<ExportActions db={db} certifications={[exportCertification]} evaluationId={evaluationId} download={download} />);
    await user.click(screen.getByRole('button', { name: label }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const [blob, name] = download.mock.calls[0]! as [Blob, string];
    expect(name).toBe(`${prefix}-camille-d-aubigne-lefevre-${isoDay(Date.now())}.${kind}`);
    expect(blob.type).toBe(MIME[kind]);
    expect(blob.size).toBeGreaterThan(1000);
    expect(screen.getByRole('status').textContent).toBe(`Fichier prêt : ${name} (voir vos téléchargements).`);
  });

  it('downloads the Markdown feedback, addressed to the candidate', async () => {
    const download = vi.fn();
    render(<ExportActions db={db} certifications={[exportCertification]} evaluationId={evaluationId} download={download} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retour au candidat (Markdown)' }));
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    const [blob, name] = download.mock.calls[0]! as [Blob, string];
    expect(name).toMatch(/^retour-camille-d-aubigne-lefevre-\d{4}-\d\d-\d\d\.md$/);
    expect(blob.type).toBe(MIME.md);
    const text = await readText(blob);
    expect(text).toContain(`**À l'attention de ${SAMPLE.candidate}**`);
    expect(text).not.toContain('NOTE-INTERNE');
  });

  it('downloads the two session CSV files', async () => {
    const download = vi.fn();
    const user = userEvent.setup();
    render(<ExportActions db={db} certifications={[exportCertification]} session download={download} />);
    await user.click(screen.getByRole('button', { name: 'Synthèse de session (CSV) — critères' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(1));
    await user.click(screen.getByRole('button', { name: 'Synthèse de session (CSV) — blocs et décisions' }));
    await waitFor(() => expect(download).toHaveBeenCalledTimes(2));
    const [[criteria, criteriaName], [blocs, blocsName]] = download.mock.calls as [[Blob, string], [Blob, string]];
    expect(criteriaName).toBe(`synthese-criteres-${isoDay(Date.now())}.csv`);
    expect(blocsName).toBe(`synthese-blocs-${isoDay(Date.now())}.csv`);
    expect(criteria.type).toBe('text/csv;charset=utf-8');
    // UTF-8 with its byte-order mark, for Excel.
    expect([...(await readBytes(criteria)).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect((await readText(criteria)).startsWith("Identifiant de l'évaluation;Candidat;")).toBe(true);
    expect(await readText(blocs)).toContain('Ajourné / à compléter');
  });

  it('disables the buttons and says what it prepares while it works', async () => {
    const download = vi.fn();
    render(<ExportActions db={db} certifications={[exportCertification]} evaluationId={evaluationId} download={download} />);
    fireEvent.click(screen.getByRole('button', { name: 'Procès-verbal (PDF)' }));
    expect(screen.getByRole('status').textContent).toBe('Préparation : Procès-verbal (PDF)…');
    expect(screen.getAllByRole('button').every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(screen.getByRole('button', { name: 'Procès-verbal (PDF)' }).getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(download).toHaveBeenCalledOnce());
    expect(screen.getAllByRole('button').every((b) => !(b as HTMLButtonElement).disabled)).toBe(true);
  });

  it('explains a failure in words and downloads nothing', async () => {
    const download = vi.fn();
    render(<ExportActions db={db} certifications={[]} evaluationId={evaluationId} download={download} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Procès-verbal (PDF)' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^L'export « Procès-verbal \(PDF\) » a échoué : Le référentiel de cette évaluation \(« test-certification », version 3\) n’est pas chargé dans Grille/));
    expect(download).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says when there is nothing to summarise', async () => {
    const empty = new WorkspaceDb(`export-actions-empty-${crypto.randomUUID()}`);
    render(<ExportActions db={empty} certifications={[exportCertification]} session download={vi.fn()} />);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Synthèse de session (CSV) — critères' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain("Aucune évaluation à exporter pour l'instant."));
  });
});

describe('download helpers', () => {
  afterEach(() => vi.restoreAllMocks());

  it('names files from the candidate without accents or punctuation', () => {
    expect(slug('Camille d’Aubigné-Lefèvre')).toBe('camille-d-aubigne-lefevre');
    expect(slug('Œdipe  Ørsted / ../../etc')).toBe('oedipe-orsted-etc');
    expect(slug('   ')).toBe('candidat');
    expect(slug('x'.repeat(100))).toHaveLength(60);
    expect(exportFileName('pv', 'docx', 'Zoé', Date.UTC(2025, 2, 12, 12))).toBe('pv-zoe-2025-03-12.docx');
    expect(exportFileName('synthese-blocs', 'csv', null, Date.UTC(2025, 2, 12, 12))).toBe('synthese-blocs-2025-03-12.csv');
  });

  it('downloads through an <a download> on an object URL, then revokes it', () => {
    vi.useFakeTimers();
    const create = vi.fn(() => 'blob:grille/1');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicks: HTMLAnchorElement[] = [];
    const spy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    triggerDownload(new Blob(['x'], { type: 'text/plain' }), 'pv-zoe-2025-03-12.pdf');
    expect(spy).toHaveBeenCalledOnce();
    expect(clicks[0]!.download).toBe('pv-zoe-2025-03-12.pdf');
    expect(clicks[0]!.href).toBe('blob:grille/1');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:grille/1');
    vi.useRealTimers();
  });
});
