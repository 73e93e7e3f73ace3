// Checks the transcription of the seed 000_7d00098a8453cdc0.txt (« Responsable de projet webmarketing et
// communication digitale ») against what the document itself says, not against the JSON's `declared` fields.
import { describe, expect, it } from 'vitest';
import data from '../../../lib/referentiels/data/responsable-de-projet-webmarketing-et-communication-digitale.json';
import { Certification, type Bloc, type Criterion } from '../../../lib/referentiels/schema';

const cert = Certification.parse(data);

/** C.a … C.b, as the document numbers them. */
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => `C.${a + i}`);

// « Bloc de compétences n° 1, compétences C.1 à C.7 : … » etc.; « composée de 4 blocs de compétences ».
// Each bloc has one modality cell, opened by « Toutes les compétences associées sont évaluées sur la base de la
// production suivante : »: one evaluation per bloc, covering the whole bloc (no competency codes).
const EXPECTED = [
  { code: '1', title: 'Concevoir une campagne webmarketing et communication digitale', from: 1, to: 7, criteria: 21, gaps: ['C.4'], evaluations: [{ id: 'wm-e1', covers: [] }] },
  { code: '2', title: "Produire et gérer des contenus digitaux vecteurs d'engagement et responsables", from: 8, to: 13, criteria: 18, gaps: ['C.9'], evaluations: [{ id: 'wm-e2', covers: [] }] },
  { code: '3', title: "Développer la visibilité, l'audience et la réputation digitales", from: 14, to: 21, criteria: 24, gaps: [], evaluations: [{ id: 'wm-e3', covers: [] }] },
  { code: '4', title: 'Piloter un projet webmarketing et communication digitale', from: 22, to: 29, criteria: 24, gaps: ['C.27'], evaluations: [{ id: 'wm-e4', covers: [] }] },
] as const;

const CASE_STUDY =
  "La modalité d'évaluation est fondée sur une étude de cas réelle ou fictive mettant le candidat dans des dispositions comparables à une situation professionnelle.";
const WHOLE_BLOC = 'Toutes les compétences associées sont évaluées sur la base de la production suivante :';

const allCriteria = (): { bloc: Bloc; criterion: Criterion }[] =>
  cert.blocs.flatMap((bloc) => bloc.criteria.map((criterion) => ({ bloc, criterion })));

function find(text: string) {
  const hits = allCriteria().filter(({ criterion }) => criterion.text === text);
  expect(hits, text).toHaveLength(1);
  return hits[0]!;
}

/** Codes of the competencies a criterion is attached to. */
function attachedCodes(text: string): string[] {
  const { bloc, criterion } = find(text);
  return criterion.scope.competencyIds.map((id) => bloc.competencies.find((c) => c.id === id)!.code);
}

describe('Responsable de projet webmarketing et communication digitale', () => {
  it('identifies the certification as the document states it', () => {
    expect(cert.title).toBe('Responsable de projet webmarketing et communication digitale');
    expect(cert.titleSource).toBe('stated');
    expect(cert.rncp).toBeNull();
    expect(cert.sourceFile).toBe('000_7d00098a8453cdc0.txt');
    expect(cert.disabilityProvisions).toBeNull();
    expect(cert.structureNote).toContain('est composée de 4 blocs de compétences');
    expect(cert.structureNote).toContain('La validation cumulative de ces 4 blocs de compétences est requise');
  });

  it('has the 4 declared blocs, none optional, in order', () => {
    expect(cert.blocs.map((b) => b.code)).toEqual(EXPECTED.map((e) => e.code));
    // « Bloc de compétences n° 1 » … : the bloc numbers are printed.
    expect(cert.blocs.every((b) => b.codeSource === 'printed')).toBe(true);
    expect(cert.blocs.map((b) => b.title)).toEqual(EXPECTED.map((e) => e.title));
    expect(cert.blocs.every((b) => !b.optional)).toBe(true);
  });

  describe.each(EXPECTED.map((e, i) => [e.code, e, i] as const))('bloc %s', (_code, expected, i) => {
    const bloc = () => cert.blocs[i]!;

    it(`has competencies C.${expected.from} à C.${expected.to} in order (${expected.to - expected.from + 1})`, () => {
      expect(bloc().competencies.map((c) => c.code)).toEqual(range(expected.from, expected.to));
      expect(bloc().declared).toEqual({
        competencyRange: `C.${expected.from} à C.${expected.to}`,
        competencyCount: expected.to - expected.from + 1,
        note: null,
      });
      // The table prints no code beside any competency: codes follow the declared range, so they are assigned.
      expect(bloc().competencies.every((c) => c.codeSource === 'assigned')).toBe(true);
    });

    it(`is evaluated by ${expected.evaluations.length} evaluation(s), on the whole bloc`, () => {
      const codeOf = new Map(bloc().competencies.map((c) => [c.id, c.code]));
      expect(
        bloc().evaluations.map((ev) => ({ id: ev.id, covers: ev.competencyIds.map((id) => codeOf.get(id)) })),
      ).toEqual(expected.evaluations.map((ev) => ({ id: ev.id, covers: [...ev.covers] })));
      for (const ev of bloc().evaluations) {
        expect(ev.modality.startsWith(`${CASE_STUDY}\nLe candidat présente `)).toBe(true);
        expect(ev.modality).toMatch(/lors d'une soutenance orale individuelle\.$/);
        expect(ev.modality).not.toContain('\n\n'); // no variants (training / VAE) in this document
        expect(ev.production.startsWith(`${WHOLE_BLOC}\n`)).toBe(true);
      }
    });

    it(`has ${expected.criteria} criteria, three per competency, none lost`, () => {
      expect(bloc().criteria).toHaveLength(expected.criteria);
      expect(bloc().criteria.every((k) => !k.gap && k.text !== '')).toBe(true);
      for (const c of bloc().competencies) {
        const own = bloc().criteria.filter((k) => k.scope.type === 'competency' && k.scope.competencyIds[0] === c.id);
        expect(own, c.code).toHaveLength(3);
      }
    });

    it(`marks only ${expected.gaps.join(', ') || 'nothing'} as lost`, () => {
      expect(bloc().competencies.filter((c) => c.gap).map((c) => c.code)).toEqual([...expected.gaps]);
      for (const c of bloc().competencies) expect(c.text === '', c.code).toBe(c.gap);
    });
  });

  it('numbers activities 1 to 11 across the blocs as printed', () => {
    expect(cert.blocs.map((b) => b.activities.map((a) => a.code))).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
      ['7', '8'],
      ['9', '10', '11'],
    ]);
  });

  describe('evaluations, verbatim', () => {
    it('keeps bloc 1\'s production list and oral defence', () => {
      const [ev] = cert.blocs[0]!.evaluations;
      expect(ev!.modality).toBe(
        `${CASE_STUDY}\nLe candidat présente la campagne webmarketing et communication digitale élaborée ainsi que les livrables attendus lors d'une soutenance orale individuelle.`,
      );
      const lines = ev!.production.split('\n');
      expect(lines).toHaveLength(9);
      expect(lines[1]).toBe('Une proposition de campagne webmarketing et communication digitale, documentée et restituée par :');
      // The 4th item starts the next row of the converted table; it belongs to the same list.
      expect(lines[5]).toBe(
        "- L'évaluation du degré de maturité du client interne ou externe par rapport à sa présence numérique et ses leviers de communication en ligne.",
      );
    });

    it('keeps bloc 2\'s production as printed, without the final full stop of its last item', () => {
      expect(cert.blocs[1]!.evaluations[0]!.production).toBe(
        `${WHOLE_BLOC}\nPlusieurs contenus digitaux selon différents formats et publiés en ligne :\n- Contenus textuels.\n- Contenus visuels et audios`,
      );
    });

    it('rejoins bloc 3\'s modality sentence cut across two tables, and keeps its eight production items', () => {
      const [ev] = cert.blocs[2]!.evaluations;
      expect(ev!.modality).toBe(
        `${CASE_STUDY}\nLe candidat présente les différents contenus digitaux élaborés lors d'une soutenance orale individuelle.`,
      );
      expect(ev!.production.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(8);
      expect(ev!.production).toContain("\n- La mise en place d'un système de surveillance de l'e-réputation de l'organisation\n");
    });

    it("keeps bloc 4's « reporting » without its <i> tag and the authors' « retenu »", () => {
      const [ev] = cert.blocs[3]!.evaluations;
      expect(ev!.modality).toBe(
        `${CASE_STUDY}\nLe candidat présente le projet digital réalisé et les livrables attendus lors d'une soutenance orale individuelle.`,
      );
      expect(ev!.production).toContain('\n- La présentation des outils mis en place dans le cadre du reporting.\n');
      expect(ev!.production).toContain('\n- La présentation de la méthodologie de gestion de projet retenu.\n');
    });
  });

  describe('exact wording', () => {
    it('keeps a criterion verbatim under its heading', () => {
      const { criterion } = find("Les sources d'information utilisées sont diversifiées, complémentaires et font autorité.");
      expect(criterion.heading).toBe('Le candidat restitue une démarche de veille :');
    });

    it("keeps the authors' own wording (« présence digital », « situation handicap », « e-reputation »)", () => {
      find(
        'Les forces et faiblesses de la présence digital sont identifiées et le degré de maturité numérique du client est qualifié avec justesse.',
      );
      find(
        "Les dispositions définies garantissent l'intégration de professionnels en situation handicap et leur contribution, avec le plus d'autonomie possible, au collectif de travail.",
      );
      find(
        "Des rapports sont communiqués aux parties prenantes concernées et incluent des analyses sur les tendances et incidents affectant l'e-reputation de l'organisation.",
      );
    });

    it('removes the <i> tags of the conversion', () => {
      find(
        "Les contenus réalisés utilisent différentes techniques (storytelling, copywriting...) renforçant leur créativité et leur capacité à captiver l'audience.",
      );
      find('Le reporting est synthétique et reprend les indicateurs clés de performance du projet.');
      expect(JSON.stringify(cert)).not.toMatch(/<\/?(i|p|b|li|ul)\b/);
    });

    it('joins a criterion split across two tables by the conversion', () => {
      const { criterion } = find(
        "Le choix du ou des partenaires (affilié, influenceur...) est effectué sur la base de critères rigoureux et est en cohérence avec l'identité de l'organisation et le public visé.",
      );
      expect(criterion.heading).toBe(
        "Le candidat met en place un partenariat concourant au développement de la visibilité de l'organisation :",
      );
      const c17 = cert.blocs[2]!.competencies.find((c) => c.code === 'C.17')!;
      expect(c17.text).toMatch(/afin de mettre en place rapidement les actions pour préserver et maintenir une image positive\.$/);
    });

    it('keeps a criterion without its final full stop as printed', () => {
      find(
        "La conception du contenu respecte les engagements RSE de l'organisation et intègre des aspects d'inclusion, d'accessibilité et d'éco-conception",
      );
    });

    it('uses straight apostrophes only', () => {
      expect(JSON.stringify(cert)).not.toMatch(/[\u2018\u2019\u02bc]/);
    });
  });

  describe('attachment through the interleaved tables', () => {
    it('attaches the online-presence audit to the lost C.4, not to the targeting competency printed beside it', () => {
      expect(attachedCodes('Les méthodologies d\'audit sont respectées et appliquées avec rigueur.')).toEqual(['C.4']);
      expect(
        attachedCodes('Les clients/utilisateurs du client sont identifiés de façon exhaustive, catégorisés et hiérarchisés.'),
      ).toEqual(['C.5']);
    });

    it('attaches « Le candidat réalise plusieurs contenus textuels » to the lost C.9, not to C.8', () => {
      expect(attachedCodes('Les messages répondent aux caractéristiques et attentes du public ciblé.')).toEqual(['C.8']);
      expect(
        attachedCodes("Les contenus réalisés sont vecteurs d'engagement et de fidélisation pour la cible visée."),
      ).toEqual(['C.9']);
    });

    it('splits the shared bloc 4 cell: specifications to C.22, plan and budget to C.23', () => {
      expect(
        attachedCodes(
          'Les attendus concernant le ou les livrable(s) sont exprimés par des spécifications techniques et/ou fonctionnelles précises.',
        ),
      ).toEqual(['C.22']);
      expect(
        attachedCodes('Le budget prévisionnel est réaliste et fondé sur une estimation complète des coûts associés au projet.'),
      ).toEqual(['C.23']);
    });

    it('attaches the steering tools to the lost C.27 and the evaluation tools to C.28', () => {
      expect(attachedCodes('Les tests de validation des livrables sont planifiés et présentés.')).toEqual(['C.27']);
      expect(attachedCodes('Les KPI digitaux définis sont alignés avec les objectifs du projet.')).toEqual(['C.28']);
    });

    it('attaches the e-réputation criteria continued in the next table to C.17', () => {
      expect(
        attachedCodes(
          "Des réponses adaptées sont conçues ou publiées pour traiter les commentaires négatifs, rumeurs ou fausses informations circulant au sujet de l'organisation.",
        ),
      ).toEqual(['C.17']);
    });
  });
});
