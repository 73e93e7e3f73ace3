// Written from the source document (seeds/003_187a99d6d425784f.txt), not from the JSON's `declared` fields.
import { describe, expect, it } from 'vitest';
import data from '../../../lib/referentiels/data/chef-de-projet-marketing-communication.json';
import { Certification } from '../../../lib/referentiels/schema';

const cert = Certification.parse(data);

const bloc = (code: string) => {
  const b = cert.blocs.find((x) => x.code === code);
  if (!b) throw new Error(`bloc ${code} absent`);
  return b;
};

/** Codes of the competencies a criterion (found by exact text) is attached to. */
const attachedCodes = (text: string) => {
  for (const b of cert.blocs) {
    const cr = b.criteria.find((c) => c.text === text);
    if (cr) {
      return {
        bloc: b.code,
        heading: cr.heading,
        type: cr.scope.type,
        codes: cr.scope.competencyIds.map((id) => b.competencies.find((c) => c.id === id)?.code),
      };
    }
  }
  throw new Error(`critère introuvable : ${text}`);
};

const evaluation = (id: string) => {
  const e = cert.blocs.flatMap((b) => b.evaluations).find((x) => x.id === id);
  if (!e) throw new Error(`évaluation absente : ${id}`);
  return e;
};

const competency = (code: string) => {
  for (const b of cert.blocs) {
    const c = b.competencies.find((x) => x.code === code);
    if (c) return c;
  }
  throw new Error(`compétence introuvable : ${code}`);
};

// Each row of the document's table: one synthetic competency paragraph (Cn) followed by its bulleted
// sub-competencies (Cn.1…); the row's criteria cell covers the whole row.
const group = (n: number, subs: number) => [`C${n}`, ...Array.from({ length: subs }, (_, i) => `C${n}.${i + 1}`)];
const C1 = group(1, 5); // 1.1- Veille de tendances et conduite d'études marketing
const C2 = group(2, 7); // 1.2- Identification, analyse et qualification des besoins de l'entité cliente
const C3 = group(3, 9); // 2- Conception du plan marketing/communication de l'entité cliente
const C4 = group(4, 10); // 3.1- Organisation, supervision et évaluation de la mise en œuvre…
const C5 = group(5, 6); // 3.2- Conception et production des outils et supports marketing/communication
const C6 = group(6, 7); // 3.3- Gestion de l'e-réputation et animation communautaire

describe('Chef de projet marketing & communication (003)', () => {
  it('identifies the certification as the document states it', () => {
    expect(cert.id).toBe('chef-de-projet-marketing-communication');
    expect(cert.title).toBe('Chef de projet marketing & communication');
    expect(cert.titleSource).toBe('stated');
    expect(cert.rncp).toBeNull();
    expect(cert.sourceFile).toBe('003_187a99d6d425784f.txt');
    expect(cert.disabilityProvisions).toBeNull();
    expect(cert.structureNote).toContain('La certification est composée de 3 blocs de compétences.');
    expect(cert.structureNote).toContain('La validation cumulative des 3 blocs est nécessaire');
  });

  it('has the 3 blocs the document declares, none optional, no declared competency range', () => {
    expect(cert.blocs.map((b) => b.code)).toEqual(['1', '2', '3']);
    expect(cert.blocs.map((b) => b.id)).toEqual(['cp-b1', 'cp-b2', 'cp-b3']);
    for (const b of cert.blocs) {
      expect(b.optional).toBe(false);
      // « BLOC DE COMPETENCES N° 1 »…: the bloc codes are printed.
      expect(b.codeSource).toBe('printed');
      // The document prints no competency codes, ranges or counts, so nothing to disagree with.
      expect(b.declared).toEqual({ competencyRange: null, competencyCount: null, note: null });
    }
    expect(bloc('1').title).toBe("Conduite d'études marketing et qualification des besoins de l'entité cliente");
    expect(bloc('2').title).toBe("Conception du plan marketing/communication de l'entité cliente");
    expect(bloc('3').title).toBe(
      "Pilotage de la mise en œuvre et évaluation des actions marketing/communication de l'entité cliente",
    );
  });

  it('keeps the numbered activities of each bloc', () => {
    expect(bloc('1').activities.map((a) => a.code)).toEqual(['1.1', '1.2']);
    expect(bloc('2').activities.map((a) => a.code)).toEqual(['2']);
    expect(bloc('3').activities.map((a) => a.code)).toEqual(['3.1', '3.2', '3.3']);
    // 3.1's task list continues after the page break (5th task).
    expect(bloc('3').activities[0]?.text.split('\n')).toHaveLength(6);
    expect(bloc('3').activities[0]?.text).toContain(
      "- L'évaluation continue et finale des actions mises en œuvre et de leurs retombées pour l'entité cliente",
    );
  });

  it('has the assigned competency codes in document order, no gaps', () => {
    expect(bloc('1').competencies.map((c) => c.code)).toEqual([...C1, ...C2]);
    expect(bloc('2').competencies.map((c) => c.code)).toEqual(C3);
    expect(bloc('3').competencies.map((c) => c.code)).toEqual([...C4, ...C5, ...C6]);
    expect(cert.blocs.map((b) => b.competencies.length)).toEqual([14, 10, 26]);
    const all = cert.blocs.flatMap((b) => b.competencies);
    expect(all.every((c) => c.codeSource === 'assigned')).toBe(true);
    expect(all.filter((c) => c.gap)).toEqual([]);
    expect(all.map((c) => c.id)).toEqual(Array.from({ length: 50 }, (_, i) => `cp-c${String(i + 1).padStart(2, '0')}`));
  });

  it('has the criteria count of each bloc, no gaps, sequential ids', () => {
    expect(cert.blocs.map((b) => b.criteria.length)).toEqual([26, 20, 43]);
    const all = cert.blocs.flatMap((b) => b.criteria);
    expect(all.filter((c) => c.gap)).toEqual([]);
    expect(all.map((c) => c.id)).toEqual(Array.from({ length: 89 }, (_, i) => `cp-k${String(i + 1).padStart(3, '0')}`));
    expect(all.every((c) => c.heading !== null)).toBe(true);
  });

  it("keeps the document's grouping headings, with their item counts", () => {
    const headings = (code: string) => {
      const counts: [string | null, number][] = [];
      for (const c of bloc(code).criteria) {
        const last = counts[counts.length - 1];
        if (last && last[0] === c.heading) last[1]++;
        else counts.push([c.heading, 1]);
      }
      return counts;
    };
    expect(headings('1')).toEqual([
      ["Pertinence de la démarche d'investigation :", 4],
      ["Qualité de l'analyse :", 5],
      ["Qualité de l'analyse de la demande :", 6],
      ["Pertinence de la démarche d'investigation complémentaire et d'approfondissement de la demande :", 5],
      ["Qualité de l'éventail des solutions proposées :", 6],
    ]);
    expect(headings('2')).toEqual([
      ['Qualité du plan marketing/communication :', 6],
      ['Cohérence du plan marketing/communication :', 5],
      ['Qualité du budget prévisionnel :', 6],
      ['Qualité de la présentation :', 3],
    ]);
    expect(headings('3')).toEqual([
      ["Complétude et qualité formelle du cahier des charges de l'action :", 6],
      ["Rigueur de l'organisation de l'action :", 7],
      ["Qualité de la mise en œuvre de l'action :", 9],
      ['Adéquation des supports au regard du positionnement du client et de son public :', 3],
      ['Qualité des supports de communication :', 6],
      ['Pertinence des modalités de présence en ligne :', 5],
      ['Qualité de la relation avec la communauté de clients/utilisateurs :', 4],
      ["Efficacité des outils d'évaluation :", 3],
    ]);
  });

  it('attaches every criterion to the row (group of competencies) whose cell it sits in', () => {
    const rows = (code: string) => bloc(code).criteria.map((c) => attachedCodes(c.text).codes.join(' '));
    const r = (g: string[], n: number) => Array<string>(n).fill(g.join(' '));
    expect(rows('1')).toEqual([...r(C1, 9), ...r(C2, 17)]);
    expect(rows('2')).toEqual(r(C3, 20));
    expect(rows('3')).toEqual([...r(C4, 22), ...r(C5, 9), ...r(C6, 12)]);
    expect(cert.blocs.flatMap((b) => b.criteria).every((c) => c.scope.type === 'competencies')).toBe(true);
  });

  describe('spot checks (exact wording and attachment)', () => {
    it('first criterion: heading and list markup stripped', () => {
      expect(attachedCodes('le périmètre de recherche est précisément circonscrit,')).toEqual({
        bloc: '1',
        heading: "Pertinence de la démarche d'investigation :",
        type: 'competencies',
        codes: C1,
      });
    });

    it('criteria continued after the page break stay with the row above', () => {
      const a = attachedCodes('les stratégies de la concurrence sont décryptées et évaluées,');
      expect(a.heading).toBe("Qualité de l'analyse :");
      expect(a.codes).toEqual(C1);
      const b = attachedCodes(
        'la solution retenue est la plus appropriée compte tenu des contraintes et ressources du client,',
      );
      expect(b.heading).toBe("Qualité de l'éventail des solutions proposées :");
      expect(b.codes).toEqual(C2);
    });

    it("bloc 2's presentation criteria (separated from the plan by a page break) attach to C3", () => {
      const a = attachedCodes(
        "la présentation est convaincante par son originalité, son sérieux et la force de l'argumentaire développé.",
      );
      expect(a.heading).toBe('Qualité de la présentation :');
      expect(a.codes).toEqual(C3);
    });

    it('3.1 criteria spread over three rows of the conversion attach to C4', () => {
      const a = attachedCodes("les résultats de l'action sont évalués avec des indicateurs objectifs.");
      expect(a.heading).toBe("Qualité de la mise en œuvre de l'action :");
      expect(a.codes).toEqual(C4);
      expect(attachedCodes('les causes des éventuels problème et aléas sont identifiés,').codes).toEqual(C4);
    });

    it('3.2 and 3.3 continuations attach to C5 and C6', () => {
      expect(
        attachedCodes(
          "le support ou l'outil est globalement innovant et exploite judicieusement les nouvelles technologies.",
        ).codes,
      ).toEqual(C5);
      const a = attachedCodes(
        "les contenus sont efficaces et contribuent à l'attractivité et la notoriété digitales de l'entité cliente,",
      );
      expect(a.heading).toBe('Pertinence des modalités de présence en ligne :');
      expect(a.codes).toEqual(C6);
    });

    it("keeps the authors' own wording", () => {
      expect(
        attachedCodes(
          "le choix des actions marketing et canaux de communication est adapté au besoin l'entité cliente et aux usages de son public cible,",
        ).codes,
      ).toEqual(C3);
      expect(competency('C3').text).toContain('concevoir le plan marketing /communication de');
    });

    it('rejoins competencies split across table rows', () => {
      expect(competency('C2.2').text).toBe(
        "Reformuler la problématique de l'entité cliente, en explicitant ses objectifs et son système de contraintes, afin de vérifier la justesse de la première analyse produite.",
      );
      expect(competency('C3.8').text).toMatch(/afin de le présenter aux décideurs de l'entité cliente pour négociation et validation\.$/);
      expect(competency('C4.2').text).toContain('au regard des exigences qualité et des coûts financiers, afin de négocier');
      expect(competency('C5.3').text).toContain('en collaboration avec des créatifs (graphistes, designers)');
    });

    it('strips inline HTML tags without leaving spaces', () => {
      expect(competency('C4.8').text).toContain('en effectuant son reporting auprès de');
      expect(competency('C5.2').text).toContain('(digitaux, vidéos, multimédias, print) en concertation');
      expect(competency('C5.6').text).toContain('canaux et supports de communication off et on-line, en vérifiant');
    });

    it('keeps the production list of 3.3 that runs over two rows', () => {
      expect(evaluation('cp-e6').production).toContain(
        "- le choix des outils de référencement,\n- la charte de community management,\n- les indicateurs de mesure d'audience et de performance.",
      );
    });
  });

  describe('evaluations: one per row (each row has its own production and modality cell)', () => {
    it("has one evaluation per row, in document order, covering that row's competencies", () => {
      const evals = (code: string) =>
        bloc(code).evaluations.map((e) => [e.id, e.competencyIds.map((id) => bloc(code).competencies.find((c) => c.id === id)?.code)]);
      expect(cert.blocs.map((b) => b.evaluations.length)).toEqual([2, 1, 3]);
      expect(evals('1')).toEqual([
        ['cp-e1', C1],
        ['cp-e2', C2],
      ]);
      expect(evals('2')).toEqual([['cp-e3', C3]]);
      expect(evals('3')).toEqual([
        ['cp-e4', C4],
        ['cp-e5', C5],
        ['cp-e6', C6],
      ]);
      // Every competency is covered by exactly one evaluation; none covers the whole bloc by [].
      for (const b of cert.blocs) {
        const covered = b.evaluations.flatMap((e) => e.competencyIds);
        expect(covered).toEqual(b.competencies.map((c) => c.id));
      }
    });

    it("keeps each row's modality and production verbatim", () => {
      expect(evaluation('cp-e1')).toMatchObject({
        modality: "Modalités d'évaluation pour les candidats issus de la formation :\nEtude de cas Travail individuel Production écrite",
        production:
          "Les candidats doivent présenter les productions suivantes :\nUne étude des tendances du secteur d'activité et du marché d'une entité cliente",
      });
      // 1.2: the production sits before the page break, the modality after it, in the same cell.
      expect(evaluation('cp-e2').modality).toBe(
        "Modalités d'évaluation pour les candidats issus de la formation :\nEtude de cas Travail individuel Production écrite et orale",
      );
      expect(evaluation('cp-e2').production).toBe(
        "Les candidats doivent présenter les productions suivantes :\nL'expression formalisée du besoin de l'entité cliente, le repérage de plusieurs solutions et la préconisation argumentée d'une solution.",
      );
      // Bloc 2 prints its modality as three paragraphs.
      expect(evaluation('cp-e3').modality).toBe(
        "Modalités d'évaluation pour les candidats issus de la formation :\nMise en situation professionnelle simulée fondée sur une étude de cas réel\nTravail collectif\nProduction orale et écrite",
      );
      expect(evaluation('cp-e3').production.split('\n')).toHaveLength(10);
      expect(evaluation('cp-e4').modality).toContain('Mise en situation professionnelle Travail individuel et/ou collectif Production orale et écrite');
      expect(evaluation('cp-e4').production).toContain("- son bilan d'activité sous la forme d'un rapport d'expérience.");
      expect(evaluation('cp-e5').modality).toContain('Etude de cas Travail individuel Production écrite et/ou multimédias');
      expect(evaluation('cp-e6').modality).toContain(
        'Mise en situation professionnelle simulée fondée sur une étude de cas réel Travail collectif Production écrite et orale',
      );
      // Only candidates from training: the document prints no VAE modality, so no variant paragraphs.
      for (const e of cert.blocs.flatMap((b) => b.evaluations)) {
        expect(e.modality).not.toContain('\n\n');
        expect(e.modality.startsWith("Modalités d'évaluation pour les candidats issus de la formation :\n")).toBe(true);
      }
    });
  });

  describe('tags', () => {
    const tags = (id: string) => {
      const k = cert.blocs.flatMap((b) => b.criteria).find((c) => c.id === id);
      if (!k) throw new Error(`critère absent : ${id}`);
      return { kinds: k.deliverableKinds, topics: k.topics };
    };

    it('row 1.2 is written and oral: its criteria are observable on the presentation too', () => {
      for (let n = 10; n <= 26; n++) expect(tags(`cp-k${String(n).padStart(3, '0')}`).kinds).toContain('presentation');
      for (let n = 1; n <= 9; n++) expect(tags(`cp-k${String(n).padStart(3, '0')}`).kinds).toEqual(['written-document']);
    });

    it('does not tag by keyword: « directement accessible » is not RGAA', () => {
      expect(tags('cp-k075').topics).not.toContain('accessibility');
      expect(tags('cp-k082').topics).toEqual(['seo', 'paid-media']);
      expect(tags('cp-k089')).toEqual({ kinds: ['dashboard'], topics: ['kpi-reporting'] });
    });
  });
});
