// Written from the source document (seeds/004_fd48b7d96b53dbc9.txt), not from the JSON's
// `declared` fields: the document prints no bloc numbering, no competency range or count,
// no title and no RNCP number; its four top-level activities (A1–A4, one page each, with
// competencies C1.x–C4.x) are the blocs.
import { describe, expect, it } from 'vitest';
import data from '../../../lib/referentiels/data/manager-marketing-digital.json';
import { Certification } from '../../../lib/referentiels/schema';

const cert = Certification.parse(data);
const bloc = (code: string) => {
  const b = cert.blocs.find((x) => x.code === code);
  if (!b) throw new Error(`bloc ${code} absent`);
  return b;
};
const allCriteria = cert.blocs.flatMap((b) => b.criteria);
const allCompetencies = cert.blocs.flatMap((b) => b.competencies);
const codeOf = (competencyId: string) => allCompetencies.find((c) => c.id === competencyId)?.code;
/** Competency codes a criterion (found by its exact opening words) is attached to. */
const attachedTo = (start: string) => {
  const found = allCriteria.filter((k) => k.text.startsWith(start));
  expect(found, start).toHaveLength(1);
  return found[0]!.scope.competencyIds.map(codeOf);
};

// What the document shows, bloc by bloc: competency codes in order, criteria per competency.
const MSP = 'Mise en situation professionnelle';
const expected = {
  A1: {
    codes: ['C1.1', 'C1.2', 'C1.3', 'C1.4', 'C1.5'],
    perCompetency: [4, 4, 4, 5, 3],
    activities: ['A1.1', 'A1.2', 'A1.3', 'A1.4', 'A1.5'],
    // only C1.1 is assessed by « Mémoire professionnel »
    modalities: ['Mémoire professionnel', MSP, MSP, MSP, MSP],
  },
  A2: { codes: ['C2.1', 'C2.2', 'C2.3', 'C2.4', 'C2.5'], perCompetency: [6, 3, 3, 3, 5], activities: ['A2.1', 'A.2.2', 'A2.3', 'A2.4'], modalities: [MSP, MSP, MSP, MSP, MSP] },
  A3: { codes: ['C3.1', 'C3.2', 'C3.3', 'C3.4', 'C3.5'], perCompetency: [3, 4, 3, 3, 4], activities: ['A3.1', 'A3.2', 'A3.3', 'A3.4'], modalities: [MSP, MSP, MSP, MSP, MSP] },
  A4: {
    codes: ['C4.1', 'C4.2', 'C4.3', 'C4.4', 'C4.5', 'C4.6'],
    perCompetency: [5, 4, 5, 3, 4, 4],
    activities: ['A4.1', 'A4.2', 'A4.3', 'A4.4', 'A4.5', 'A4.6'],
    modalities: [MSP, MSP, MSP, MSP, MSP, MSP],
  },
} as const;

describe('Manager du marketing digital (004_fd48b7d96b53dbc9)', () => {
  it('has the certification-level facts of the document', () => {
    expect(cert.id).toBe('manager-marketing-digital');
    expect(cert.titleSource).toBe('inferred');
    expect(cert.rncp).toBeNull();
    expect(cert.structureNote).toBeNull();
    expect(cert.sourceFile).toBe('004_fd48b7d96b53dbc9.txt');
    expect(cert.blocs.map((b) => b.code)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(cert.blocs.map((b) => b.title)).toEqual([
      "Définition de la stratégie de marque d'une organisation",
      "Elaboration et déploiement d'une stratégie de communication digitale",
      'Développement de la performance stratégique marketing',
      'Management des équipes et des projets de marketing digital',
    ]);
    expect(allCriteria).toHaveLength(82);
  });

  it('keeps the disability passage verbatim, including the exemption of criteria', () => {
    const d = cert.disabilityProvisions ?? '';
    expect(d.startsWith("Dans le cadre du respect du règlement d'examen, tout candidat peut saisir le référent handicap")).toBe(true);
    expect(d).toContain(
      "Sur avis motivé du référent handicap le jury de certification peut décider d'exempter le candidat de certains critères d'évaluation. :\n" +
        '- dans la mesure où cela ne remet pas en question la capacité professionnelle globale du candidat\n' +
        "- si le critère au regard de la nature du handicap n'a pas vocation à s'appliquer dans la pratique professionnelle future du candidat\n" +
        'Ces deux critères étant cumulatifs.',
    );
    expect(d.endsWith('il s\'engage à préciser le cadre des aménagements possibles.')).toBe(true);
  });

  for (const [code, exp] of Object.entries(expected)) {
    describe(`bloc ${code}`, () => {
      const b = bloc(code);
      it('declares no range nor count (the document prints none), is not optional, and its code is assigned', () => {
        expect(b.declared).toEqual({ competencyRange: null, competencyCount: null, note: null });
        expect(b.optional).toBe(false);
        // « A1 »… is printed as the top-level activity's code, never as a bloc code.
        expect(b.codeSource).toBe('assigned');
      });
      it('has one evaluation per modality cell, i.e. one per competency, in document order', () => {
        expect(b.evaluations).toHaveLength(exp.codes.length);
        expect(b.evaluations.map((e) => e.competencyIds.map(codeOf))).toEqual(exp.codes.map((c) => [c]));
        expect(b.evaluations.map((e) => e.modality)).toEqual(exp.modalities);
      });
      it('has the competency codes of the document, in order, all printed, no gaps', () => {
        expect(b.competencies.map((c) => c.code)).toEqual(exp.codes);
        expect(b.competencies.every((c) => c.codeSource === 'printed' && !c.gap)).toBe(true);
        expect(b.activities.map((a) => a.code)).toEqual(exp.activities);
      });
      it('has the criteria count of the document, each attached to one competency, no gaps', () => {
        const total = exp.perCompetency.reduce((s, n) => s + n, 0);
        expect(b.criteria).toHaveLength(total);
        expect(b.criteria.filter((k) => k.gap)).toEqual([]);
        expect(b.criteria.every((k) => k.scope.type === 'competency' && k.heading === null)).toBe(true);
        const perCompetency = b.competencies.map((c) => b.criteria.filter((k) => k.scope.competencyIds[0] === c.id).length);
        expect(perCompetency).toEqual(exp.perCompetency);
      });
    });
  }

  describe('evaluations (one per modality cell of the document)', () => {
    const evaluation = (competencyCode: string) => {
      const found = cert.blocs.flatMap((b) => b.evaluations).filter((e) => e.competencyIds.map(codeOf).includes(competencyCode));
      expect(found, competencyCode).toHaveLength(1);
      return found[0]!;
    };
    it('has 21 evaluations, sd-e1…sd-e21, none bloc-wide', () => {
      const all = cert.blocs.flatMap((b) => b.evaluations);
      expect(all.map((e) => e.id)).toEqual(Array.from({ length: 21 }, (_, i) => `sd-e${i + 1}`));
      expect(all.every((e) => e.competencyIds.length === 1)).toBe(true);
    });
    it('C1.1 is assessed by a mémoire, with its own production', () => {
      expect(evaluation('C1.1')).toEqual({
        id: 'sd-e1',
        competencyIds: ['sd-c01'],
        modality: 'Mémoire professionnel',
        production:
          "A partir de son expérience ou d'un projet professionnel, le candidat expose le système de veille qu'il met en place ainsi que les résultats de cette dernière",
      });
    });
    it('keeps each production verbatim, with its own competency', () => {
      expect(evaluation('C1.3').production).toBe(
        "A partir d'un cas réel ou fictif de re-branding d'une marque, le candidat doit réaliser une synthèse de son analyse du positionnement de la marque et son ADN.",
      );
      // the modality cell printed on the same line as the end of C2.4's text
      expect(evaluation('C2.4').production).toBe(
        "A partir d'un cas réel ou fictif de déploiement d'une stratégie de marketing digital, le candidat expose les canaux choisis ainsi que des exemples de messages",
      );
      expect(evaluation('C2.2').id).toBe('sd-e7');
      expect(evaluation('C4.2')).toMatchObject({
        modality: 'Mise en situation professionnelle',
        production:
          "A partir d'un cas réel de déploiement d'une stratégie de marketing digital, le candidat présente la synthèse du déploiement de publications en ligne.",
      });
      expect(evaluation('C4.6').production).toBe(
        "A partir d'un cas réel ou fictif de gestion d'un service de marketing digital, le candidat produit une synthèse de sa mesure d'impact.",
      );
    });
  });

  describe('exact wording (artefacts fixed)', () => {
    it('doubled space and typographic apostrophes removed', () => {
      expect(allCriteria.map((k) => k.text)).toContain(
        "La méthodologie de veille est argumentée, notamment le choix d'organisation de la veille (thématique, chronologique…) et des outils (tableaux de suivi, IA etc.) permettent une collecte structurée des données.",
      );
      expect(JSON.stringify(data)).not.toMatch(/[’]|\S {2,}\S/);
    });
    it('the authors’ own grammar is kept', () => {
      expect(attachedTo("L'aspect inclusif du projet est évalué l'introduction de la diversité dans la communication ainsi que son accessibilité.")).toEqual(['C4.6']);
      expect(bloc('A3').evaluations[2]?.production).toContain('le candidat proposer une analyse sécurisée des données webmarketing');
    });
    it('lists inside a competency are one item per line', () => {
      expect(allCompetencies.find((c) => c.code === 'C4.3')?.text).toBe(
        "Planifier et gérer les budgets du projet de marketing digital en veillant à l'efficacité et la rentabilité des investissements en :\n" +
          '- Estimant le ROI des campagnes en cours et à venir\n' +
          '- réalisant des analyses de coûts\n' +
          '- Intégrant des principes de gestion durable des ressources\n' +
          "afin de maximiser l'impact des investissements.",
      );
    });
  });

  describe('attachments made hard by the interleaving', () => {
    it('C1.5 text is separated from the A1.5 title printed on the same line', () => {
      expect(bloc('A1').activities[4]?.title).toBe('Développer une stratégie de marque');
      expect(allCompetencies.find((c) => c.code === 'C1.5')?.text.startsWith('Développer une stratégie de marque notamment digitale en intégrant un équilibre')).toBe(true);
    });
    it('the PESTEL mapping criterion, printed after a gap, belongs to C1.2', () => {
      expect(attachedTo('Le candidat réalise une cartographie complète des acteurs clés')).toEqual(['C1.2']);
    });
    it('the criterion continued on a new page belongs to C2.1, not C2.2', () => {
      expect(attachedTo('Le plan de communication digitale respecte la stratégie globale')).toEqual(['C2.1']);
    });
    it('C2.3 text is rejoined around its criteria; its third criterion follows the continuation', () => {
      expect(allCompetencies.find((c) => c.code === 'C2.3')?.text.endsWith("d'optimiser l'expérience client et d'améliorer la conversion et la satisfaction à chaque phase du parcours")).toBe(true);
      expect(attachedTo('La réalisation du parcours client est fondée')).toEqual(['C2.3']);
    });
    it('the brand-platform content and CPL criteria sit in the C2.5 row', () => {
      expect(attachedTo('Les contenus utilisés au sein chaque canal sont créés à partir de la plateforme de marque')).toEqual(['C2.5']);
      expect(attachedTo("L'analyse du coût par lead (CPL)")).toEqual(['C2.5']);
    });
    it('page-break continuations stay with their competency (C3.2, C3.5, C4.1)', () => {
      expect(attachedTo('Le système de collecte de données mis en place respecte la législation en termes de protection des données et de non-discrimination')).toEqual(['C3.2']);
      expect(attachedTo('Une analyse des risques est produite')).toEqual(['C3.5']);
      expect(attachedTo('Les délais sont définis en fonction des ressources disponibles')).toEqual(['C4.1']);
    });
    it('C4.4: competency text and a criterion were split into each other', () => {
      expect(allCompetencies.find((c) => c.code === 'C4.4')?.text).toContain(
        "entre les différents membres de l'équipe projet, afin d'optimiser les performances individuelles et collectives",
      );
      expect(
        attachedTo(
          "Le développement professionnel des collaborateurs prend en considération les volontés d'évolution personnelle du collaborateur ainsi que les besoins de l'entreprise",
        ),
      ).toEqual(['C4.4']);
    });
    it('C2.2 and C3.3 have no activity of their own: they sit under A2.1 and A3.2', () => {
      const acts = (code: string) => {
        const b = cert.blocs.find((x) => x.competencies.some((c) => c.code === code))!;
        const c = b.competencies.find((x) => x.code === code)!;
        return c.activityIds.map((id) => b.activities.find((a) => a.id === id)?.code);
      };
      expect(acts('C2.2')).toEqual(['A2.1']);
      expect(acts('C3.3')).toEqual(['A3.2']);
    });
  });

  describe('tags', () => {
    it('accessibility only where the text is about people with a disability reaching the communication, not HR inclusion (sd-k074)', () => {
      expect(allCriteria.filter((k) => k.topics.includes('accessibility')).map((k) => k.id)).toEqual(['sd-k021', 'sd-k080']);
    });
    it('data-protection law on the C3.2 and C3.3 criteria that cite the legislation', () => {
      for (const id of ['sd-k046', 'sd-k050']) expect(allCriteria.find((k) => k.id === id)?.topics).toEqual(expect.arrayContaining(['data-protection', 'legal']));
    });
  });

  it('uses sequential opaque ids with prefix sd', () => {
    expect(cert.blocs.map((b) => b.id)).toEqual(['sd-b1', 'sd-b2', 'sd-b3', 'sd-b4']);
    expect(cert.blocs.flatMap((b) => b.activities.map((a) => a.id))).toEqual(Array.from({ length: 19 }, (_, i) => `sd-a${String(i + 1).padStart(2, '0')}`));
    expect(allCompetencies.map((c) => c.id)).toEqual(Array.from({ length: 21 }, (_, i) => `sd-c${String(i + 1).padStart(2, '0')}`));
    expect(allCriteria.map((k) => k.id)).toEqual(Array.from({ length: 82 }, (_, i) => `sd-k${String(i + 1).padStart(3, '0')}`));
  });
});
