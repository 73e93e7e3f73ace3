// Written from the source document (seed 001_8b6fdb7575b9c73a.txt), not from the JSON's
// `declared` fields: every expected value below was read in the référentiel itself.
import { describe, expect, it } from 'vitest';
import data from '../../../lib/referentiels/data/manager-communication-marketing-digital.json';
import { Certification, type Bloc, type Criterion } from '../../../lib/referentiels/schema';

const cert = Certification.parse(data);

const HEADING_AGILE = 'Mise en place de la gestion de projet en mode agile :';

/** What the document shows for each bloc, in document order. */
const EXPECTED = [
  {
    code: '1',
    optional: false,
    range: 'C1 à C7', // « E1 — … avec soutenance orale (C1 a C7) »
    count: 7,
    codes: ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7'],
    criteria: 13,
    evaluations: [[]], // one cell: the mémoire and its soutenance (C1 à C7)
    contradicts: false,
  },
  {
    code: '2',
    optional: false,
    range: 'C8 à C16', // « E2 - … le/la candidat(e) devra (C8 a C16) »
    count: 9,
    codes: ['C8', 'C9', 'C10', 'C11', 'C12', 'C13', 'C14', 'C15', 'C16'],
    criteria: 11,
    evaluations: [[]], // one cell (C8 à C16), even though its items carry codes
    contradicts: false,
  },
  {
    code: '3',
    optional: false,
    range: 'C16 à C23', // « E3 — Etude de cas individuelle (C16 a C23) »: C16 belongs to bloc 2
    count: 8,
    codes: ['C17', 'C18', 'C19', 'C20', 'C21', 'C22', 'C23'],
    criteria: 7,
    evaluations: [[]],
    contradicts: true, // C16 à C23 declared, C17–C23 in the table
  },
  {
    code: '4',
    optional: false,
    range: 'C24 à C29', // « E4 - Partie 1 : … (C24 a C29) »
    count: 6,
    codes: ['C24', 'C25', 'C26', 'C27', 'C28', 'C29'],
    criteria: 11,
    evaluations: [[], []], // « E4 - Partie 1 » (C24 a C29) and « E4 - Partie 2 », a row of its own
    contradicts: false,
  },
  {
    code: '5 - Option 1',
    optional: true,
    range: 'CS1.1 à CS1.5',
    count: 5,
    codes: ['CS1.1', 'CS1.2', 'CS1.3', 'CS1.4', 'CS1.5'],
    criteria: 9,
    evaluations: [[]],
    contradicts: false,
  },
  {
    code: '6 - Option 2',
    optional: true,
    range: 'CS2.1 à CS2.5', // printed « (CS2.1 aCs2.5) »
    count: 5,
    codes: ['CS2.1', 'CS2.2', 'CS2.3', 'CS2.4', 'CS2.5'],
    criteria: 8,
    evaluations: [[]],
    contradicts: false,
  },
  {
    code: '7 - Option 3',
    optional: true,
    range: 'CS3.1 à CS3.5', // the table nevertheless lists CS3.6
    count: 5,
    codes: ['CS3.1', 'CS3.2', 'CS3.3', 'CS3.4', 'CS3.5', 'CS3.6'],
    criteria: 9,
    evaluations: [[]], // E7 covers the whole bloc, CS3.6 included (its last task is CS3.6's)
    contradicts: true, // CS3.1 à CS3.5 declared, CS3.6 printed too
  },
] as const;

function bloc(code: string): Bloc {
  const found = cert.blocs.find((b) => b.code === code);
  if (!found) throw new Error(`bloc ${code} absent`);
  return found;
}

function criterion(b: Bloc, text: string): Criterion {
  const found = b.criteria.find((c) => c.text === text);
  if (!found) throw new Error(`critère absent du bloc ${b.code} : ${text}`);
  return found;
}

/** Competency codes a criterion is attached to ([] for the whole bloc). */
function codesOf(b: Bloc, c: Criterion): string[] {
  return c.scope.competencyIds.map((id) => b.competencies.find((k) => k.id === id)?.code ?? '?');
}

describe('Manager de la Communication et du Marketing Digital', () => {
  it('identifies the certification', () => {
    expect(cert.id).toBe('manager-communication-marketing-digital');
    expect(cert.title).toBe('Manager de la Communication et du Marketing Digital');
    expect(cert.titleSource).toBe('inferred');
    expect(cert.rncp).toBeNull();
    expect(cert.sourceFile).toBe('001_8b6fdb7575b9c73a.txt');
    expect(cert.structureNote).toBeNull();
    expect(cert.disabilityProvisions).toMatch(/^Au sein de l'Ecole, des efforts sont fournis/);
    expect(cert.disabilityProvisions).toContain("- Obtenir une assistance d'une tierce personne lors de l'évaluation ;");
  });

  it('has the seven blocs of the document, in order', () => {
    expect(cert.blocs.map((b) => b.code)).toEqual(EXPECTED.map((e) => e.code));
    expect(cert.blocs.map((b) => b.id)).toEqual(['mc-b1', 'mc-b2', 'mc-b3', 'mc-b4', 'mc-b5', 'mc-b6', 'mc-b7']);
  });

  describe.each(EXPECTED)('bloc $code', (e) => {
    const b = bloc(e.code);
    it('declares the range and count printed in the evaluation modality', () => {
      expect(b.declared.competencyRange).toBe(e.range);
      expect(b.declared.competencyCount).toBe(e.count);
    });
    it('lists the competency codes of the table, in order', () => {
      expect(b.competencies.map((c) => c.code)).toEqual([...e.codes]);
      expect(b.competencies.every((c) => c.codeSource === 'printed')).toBe(true);
    });
    it('has the criteria count of the document and no gap', () => {
      expect(b.criteria).toHaveLength(e.criteria);
      expect(b.competencies.filter((c) => c.gap)).toEqual([]);
      expect(b.criteria.filter((c) => c.gap)).toEqual([]);
    });
    it('is optional only for the three options, and prints its bloc code', () => {
      expect(b.optional).toBe(e.optional);
      expect(b.codeSource).toBe('printed');
    });
    it('has one evaluation per modality cell, covering the competencies the cell names', () => {
      expect(b.evaluations.map((ev) => ev.competencyIds.map((id) => b.competencies.find((c) => c.id === id)?.code ?? '?'))).toEqual(
        e.evaluations.map((codes) => [...codes]),
      );
    });
    it('notes a declaration only where the document contradicts its own table', () => {
      if (e.contradicts) expect(b.declared.note).toEqual(expect.any(String));
      else expect(b.declared.note).toBeNull();
    });
  });

  it('numbers the evaluations across the certification', () => {
    expect(cert.blocs.flatMap((b) => b.evaluations.map((ev) => ev.id))).toEqual([
      'mc-e1', 'mc-e2', 'mc-e3', 'mc-e4', 'mc-e5', 'mc-e6', 'mc-e7', 'mc-e8',
    ]);
  });

  describe('evaluations, verbatim', () => {
    it('bloc 1: the mémoire with its soutenance; the tasks are the production', () => {
      const [ev] = bloc('1').evaluations;
      expect(ev?.modality).toMatch(
        /^E1 — Dans le cadre du mémoire de recherche appliquée réalisé individuellement avec soutenance orale \(C1 à C7\), le\/la candidat\(e\) :\n\n/,
      );
      expect(ev?.modality).toContain("- Il prend du recul sur son travail et apporte un retour d'expérience au jury.");
      expect(ev?.production.split('\n')).toContain('- Réalise un benchmark ;');
    });

    it('bloc 2: « (C8 a C16) » fixed to « à », the coded items kept with their codes', () => {
      const [ev] = bloc('2').evaluations;
      expect(ev?.modality).toBe(
        "E2 - Dans le cadre d'une mise en situation professionnelle avec remise d'un document écrit à partir d'un cas pratique d'entreprise le/la candidat(e) devra (C8 à C16) :",
      );
      expect(ev?.production).toContain(
        "- Préconiser un plan d'action avec des scénarios d'usage en fonction de la cible définie. (C9)",
      );
    });

    it('bloc 4: Partie 1 (group report) and Partie 2 (individual note) are two evaluations', () => {
      const [p1, p2] = bloc('4').evaluations;
      expect(p1?.modality).toBe(
        "E4 - Partie 1 : Etude de cas avec remise d'un rapport écrit réalisé en groupe les candidat(e)s (C24 à C29)\n\nA partir d'un cas pratique de conception et en mode gestion de projet, les candidats devront :",
      );
      expect(p1?.production.split('\n')).toHaveLength(9);
      expect(p1?.production).toContain("- Etablir un rétroplanning des points d'étapes entre chaque sprint.");
      expect(p1?.production).not.toContain('Partie 2');
      expect(p2?.modality).toBe(
        "E4 - Partie 2\n\nA la fin de la mise en situation le/la candidat(e) devra remettre une note individuelle écrite où il propose un REX à la suite de la gestion de crise et des propositions d'amélioration afin de rétablir un climat favorable et épanouissant pour tous.",
      );
      expect(p2?.production).toMatch(/^une note individuelle écrite où il propose un REX/);
    });

    it('bloc 6: « (CS2.1 aCs2.5) » read as « (CS2.1 à CS2.5) »', () => {
      expect(bloc('6 - Option 2').evaluations[0]?.modality).toBe(
        "E6 - Dans le cadre d'une étude de cas individuelle et créative (étude de cas fictive ou réelle dans le cadre des relations médias et d'influence) (CS2.1 à CS2.5) :",
      );
    });

    it('bloc 7: the 10-slide support closes the production', () => {
      expect(bloc('7 - Option 3').evaluations[0]?.production).toMatch(
        /\n\nPréparer un support visuel \(10 slides maximum\) en vue d'un reporting auprès de la direction afin de présenter ces analyses et défendre les recommandations stratégiques qui en découlent\.$/,
      );
    });
  });

  it('reconciles the two ranges that do not match the table', () => {
    // Bloc 3: the modality says C16 à C23 but C16 is bloc 2's (evaluated in E2, C8 à C16).
    expect(bloc('2').competencies.map((c) => c.code)).toContain('C16');
    expect(bloc('3').competencies.map((c) => c.code)).not.toContain('C16');
    expect(bloc('3').declared.note).toContain('C16');
    expect(bloc('3').declared.note).toContain('C17 à C23');
    expect(bloc('7 - Option 3').declared.note).toContain('CS3.6');
    // Bloc 7: the modality says CS3.1 à CS3.5 but the table prints CS3.6 too.
    expect(bloc('7 - Option 3').competencies.at(-1)?.text).toBe(
      "Gérer un portefeuille client et négocier les conditions et les budgets afférents en personnalisant l'approche pour assurer une excellence commerciale et fidéliser les annonceurs.",
    );
  });

  it('uses sequential opaque ids across the certification', () => {
    const criteria = cert.blocs.flatMap((b) => b.criteria.map((c) => c.id));
    expect(criteria[0]).toBe('mc-k001');
    expect(criteria.at(-1)).toBe('mc-k068');
    criteria.forEach((id, i) => expect(id).toBe(`mc-k${String(i + 1).padStart(3, '0')}`));
    const competencies = cert.blocs.flatMap((b) => b.competencies.map((c) => c.id));
    competencies.forEach((id, i) => expect(id).toBe(`mc-c${String(i + 1).padStart(2, '0')}`));
    const activities = cert.blocs.flatMap((b) => b.activities.map((a) => a.id));
    expect(activities).toHaveLength(12);
    activities.forEach((id, i) => expect(id).toBe(`mc-a${String(i + 1).padStart(2, '0')}`));
  });

  it('keeps only straight apostrophes and no doubled spaces', () => {
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/[’‘]/);
    expect(text).not.toMatch(/\S {2,}\S/);
  });

  describe('exact wording (artefacts fixed)', () => {
    it('C2: « guantitatives a réaliser » → « quantitatives à réaliser »', () => {
      expect(bloc('1').competencies[1]?.text).toBe(
        "Piloter les études qualitatives et quantitatives à réaliser en interne ou externalisées pour mieux cerner les attentes en matière de communication et mieux comprendre les parcours omnicanals des consommateurs, pré-tester une campagne ou une nouvelle action, et/ou pour s'assurer de la fiabilité technique et/ou technologique.",
      );
    });

    it('C29: « réle » → « rôle », « bien étre » → « bien être »', () => {
      expect(bloc('4').competencies.find((c) => c.code === 'C29')?.text).toBe(
        'Incarner le leadership et jouer le rôle de médiateur en cas de conflit en interne ou en externe avec les prestataires afin de conserver un climat et un bien être positifs.',
      );
    });

    it('CS1.2: « CMS¥* » → « CMS* », « I"activité » → « l\'activité »', () => {
      expect(bloc('5 - Option 1').competencies[1]?.text).toBe(
        "Définir les plateformes de vente en ligne (choix du CMS*, modalités de paiement, etc.) au niveau technologique (respect des normes WCAG2, expérience utilisateur, etc.) et en tenant compte de l'évolutivité, de la durabilité (y compris au sens RSE) et dans le respect du RGPD pour développer l'activité e-commerce.",
      );
    });

    it('bloc 2: « co(ts » → « coûts », attached to C10', () => {
      const b = bloc('2');
      const c = criterion(
        b,
        "Pour l'optimisation des coûts : le budget est clairement présenté, avec des explications détaillées sur chaque poste de dépense.",
      );
      expect(c.heading).toBeNull();
      expect(codesOf(b, c)).toEqual(['C10']);
    });

    it('bloc 4: « Le rble » → « Le rôle », under the agile heading, evaluated on the whole bloc', () => {
      const b = bloc('4');
      const c = criterion(
        b,
        'Le rôle et les missions de chacun sont attribués et les charges de travail sont équilibrées et détaillées.',
      );
      expect(c.heading).toBe(HEADING_AGILE);
      expect(c.scope.type).toBe('bloc');
      expect(b.criteria.filter((k) => k.heading === HEADING_AGILE)).toHaveLength(9);
      expect(b.criteria.slice(9).every((k) => k.heading === null)).toBe(true);
    });

    it('bloc 4: no criterion is tagged presentation, since E4 states no oral part', () => {
      expect(bloc('4').criteria.filter((k) => k.deliverableKinds.includes('presentation')).map((k) => k.id)).toEqual([]);
    });

    it('« ou » → « où » where the OCR (which prints no accented letter but é) lost the grave accent', () => {
      expect(bloc('1').competencies.find((c) => c.code === 'C6')?.text).toContain('identifier les domaines où des améliorations');
      expect(bloc('6 - Option 2').evaluations[0]?.production).toContain('(qui, quand, où, comment et pourquoi ?). (CS2.3)');
    });

    it('bloc 1: « d\'’un » → « d\'un », soutenance criterion on the whole bloc (E1 covers C1 à C7)', () => {
      const b = bloc('1');
      const c = criterion(b, "Le candidat fait preuve d'une prise de recul et d'un esprit critique sur ses recommandations.");
      expect(c.scope.type).toBe('bloc');
      expect(b.criteria.every((k) => k.scope.type === 'bloc')).toBe(true);
    });
  });

  describe('attachments through the interleaved columns', () => {
    it('bloc 2: the first criteria follow the (C15), (C16), (C14) items of E2', () => {
      const b = bloc('2');
      expect(b.criteria.slice(0, 3).map((c) => codesOf(b, c))).toEqual([['C15'], ['C16'], ['C14']]);
      expect(
        codesOf(
          b,
          criterion(
            b,
            "Le choix des KPI est pertinent. Les KPI proposés soutiennent le pilotage des actions et alimentent l'amélioration continue et la stratégie durable dans une perspective à long terme.",
          ),
        ),
      ).toEqual(['C14']);
      expect(b.criteria.map((c) => codesOf(b, c).join('+'))).toEqual([
        'C15', 'C16', 'C14', 'C8', 'C10', 'C10', 'C9', 'C11', 'C12', 'C12', 'C13',
      ]);
    });

    it('bloc 3: analysis → C23, plan d\'action → C18 à C20, tableau de bord → C20 et C21', () => {
      const b = bloc('3');
      expect(
        codesOf(
          b,
          criterion(b, "L'analyse repose sur l'identification des processus existants et mise en perspective des axes d'amélioration."),
        ),
      ).toEqual(['C23']);
      const plan = b.criteria.find((c) => c.text.startsWith("Le plan d'action (intégrant les éléments: Qui Quoi Quand"));
      expect(plan && codesOf(b, plan)).toEqual(['C18', 'C19', 'C20']);
      expect(plan?.scope.type).toBe('competencies');
      expect(
        codesOf(
          b,
          criterion(b, 'Le tableau de bord rassemble les outils de suivi et permet de regrouper les différentes sources et canaux visés.'),
        ),
      ).toEqual(['C20', 'C21']);
      expect(
        codesOf(b, criterion(b, 'Le choix des indicateurs financiers permet de définir avec justesse les gains tangibles.')),
      ).toEqual(['C22']);
    });

    it('bloc 5: the KPI criterion and its examples are one item on CS1.5; the reporting ones are on the bloc', () => {
      const b = bloc('5 - Option 1');
      const kpi = criterion(
        b,
        "Les KPIs proposés sont en adéquation avec les objectifs commerciaux de l'entreprise. (Taux de conversion, taux de rebond, taux d'abandon, valeur moyenne de la commande, CA, temps moyen passé sur le site, taux de clics...)",
      );
      expect(codesOf(b, kpi)).toEqual(['CS1.5']);
      expect(criterion(b, 'Les arguments apportés sont de niveau professionnel.').scope.type).toBe('bloc');
      expect(b.criteria.map((c) => codesOf(b, c).join('+'))).toEqual([
        'CS1.1', 'CS1.2', 'CS1.2', 'CS1.3', 'CS1.3', 'CS1.4', 'CS1.5', '', '',
      ]);
    });

    it('bloc 6: « Ce plan… » goes with the partnerships (CS2.3); the SWOT study has no code in E6', () => {
      const b = bloc('6 - Option 2');
      const plan = criterion(
        b,
        "Ce plan a des objectifs fixés spécifiques à l'entreprise, il mentionne la tactique adoptée (création de contenu original, engagement avec l'audience, publicité payante, etc.)",
      );
      expect(codesOf(b, plan)).toEqual(['CS2.3']);
      expect(b.criteria.map((c) => codesOf(b, c).join('+'))).toEqual([
        '', 'CS2.1', 'CS2.2', 'CS2.3', 'CS2.3', 'CS2.4', 'CS2.5', '',
      ]);
    });

    it('bloc 7: E7 prints no code per item, so every criterion is on the bloc', () => {
      const b = bloc('7 - Option 3');
      expect(b.criteria.every((c) => c.scope.type === 'bloc')).toBe(true);
      expect(b.criteria[6]?.text).toBe(
        "Justification du choix de l'outil de suivi par rapport à la structure et à la typologie de cible client (CRM, Excel)",
      );
    });
  });
});
