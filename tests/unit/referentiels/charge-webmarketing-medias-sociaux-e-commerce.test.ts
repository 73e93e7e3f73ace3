// Written from the source document 002_8c44ac07cd0ca90b.txt (référentiel without a printed title:
// three blocs — médias sociaux / site e-commerce / analyse et suivi webmarketing).
import { describe, expect, it } from 'vitest';
import data from '../../../lib/referentiels/data/charge-webmarketing-medias-sociaux-e-commerce.json';
import { Certification } from '../../../lib/referentiels/schema';

const cert = Certification.parse(data);

const bloc = (code: string) => {
  const b = cert.blocs.find((x) => x.code === code);
  if (!b) throw new Error(`bloc ${code} absent`);
  return b;
};

const criterion = (text: string) => {
  for (const b of cert.blocs) {
    const cr = b.criteria.find((c) => c.text === text);
    if (cr) return { bloc: b, cr, codes: cr.scope.competencyIds.map((id) => b.competencies.find((c) => c.id === id)?.code) };
  }
  throw new Error(`critère introuvable : ${text}`);
};

describe('charge-webmarketing-medias-sociaux-e-commerce', () => {
  it('identifies the certification (title not printed: inferred)', () => {
    expect(cert.id).toBe('charge-webmarketing-medias-sociaux-e-commerce');
    expect(cert.titleSource).toBe('inferred');
    expect(cert.rncp).toBeNull();
    expect(cert.sourceFile).toBe('002_8c44ac07cd0ca90b.txt');
    expect(cert.dataVersion).toBe(1);
    // The document has no passage on disability and declares nothing about the blocs overall.
    expect(cert.disabilityProvisions).toBeNull();
    expect(cert.structureNote).toBeNull();
  });

  it('has the three blocs of the document, in order, codes printed (« Bloc de compétences N »), none optional', () => {
    expect(cert.blocs.map((b) => [b.id, b.code, b.codeSource, b.title, b.optional])).toEqual([
      ['sm-b1', '1', 'printed', 'Gérer les médias sociaux et les relations avec la communauté online', false],
      ['sm-b2', '2', 'printed', "Assurer la gestion créative et technique d'un site e-commerce", false],
      ['sm-b3', '3', 'printed', "Assurer l'analyse et le suivi des actions webmarketing", false],
    ]);
  });

  const expected = {
    '1': {
      activities: ['A1.1', 'A1.2', 'A1.3', 'A1.4', 'A1.5', 'A1.6'],
      competencies: ['C1.1', 'C1.2', 'C1.3.1', 'C1.3.2', 'C1.4', 'C1.5', 'C1.6'],
      criteriaPerCompetency: { 'C1.1': 3, 'C1.2': 3, 'C1.3.1': 3, 'C1.3.2': 4, 'C1.4': 2, 'C1.5': 4, 'C1.6': 3 },
      criteria: 22,
    },
    '2': {
      activities: ['A2.1', 'A2.2', 'A2.3', 'A2.4', 'A2.5'],
      competencies: ['C2.1', 'C2.2.1', 'C2.2.2', 'C2.3', 'C2.4', 'C2.5'],
      criteriaPerCompetency: { 'C2.1': 3, 'C2.2.1+C2.2.2': 5, 'C2.3': 2, 'C2.4': 4, 'C2.5': 2 },
      criteria: 16,
    },
    '3': {
      activities: ['A3.1', 'A3.2', 'A3.3'],
      competencies: ['C3.1', 'C3.2', 'C3.3.1', 'C3.3.2'],
      criteriaPerCompetency: { 'C3.1': 2, 'C3.2': 3, 'C3.3.1': 2, 'C3.3.2': 4 },
      criteria: 11,
    },
  } as const;

  for (const [code, exp] of Object.entries(expected)) {
    describe(`bloc ${code}`, () => {
      const b = bloc(code);

      it('declares no competency range or count (the document prints none per bloc)', () => {
        expect(b.declared).toEqual({ competencyRange: null, competencyCount: null, note: null });
        expect(b.competencies).toHaveLength(exp.competencies.length);
      });

      it('has the printed activity and competency codes, in order, with no gap', () => {
        expect(b.activities.map((a) => a.code)).toEqual(exp.activities);
        expect(b.competencies.map((c) => c.code)).toEqual(exp.competencies);
        expect(b.competencies.every((c) => c.codeSource === 'printed' && !c.gap && c.text !== '')).toBe(true);
      });

      it('has the criteria count of the document, attached per competency cell, with no gap', () => {
        expect(b.criteria).toHaveLength(exp.criteria);
        expect(b.criteria.filter((c) => c.gap)).toEqual([]);
        const counts: Record<string, number> = {};
        for (const cr of b.criteria) {
          const key = cr.scope.competencyIds.map((id) => b.competencies.find((c) => c.id === id)!.code).join('+');
          counts[key] = (counts[key] ?? 0) + 1;
        }
        expect(counts).toEqual(exp.criteriaPerCompetency);
        // No criteria list in this document has a heading.
        expect(b.criteria.every((c) => c.heading === null)).toBe(true);
      });
    });
  }

  it('uses sequential opaque ids across the certification', () => {
    expect(cert.blocs.flatMap((b) => b.activities.map((a) => a.id))).toEqual(
      Array.from({ length: 14 }, (_, i) => `sm-a${String(i + 1).padStart(2, '0')}`),
    );
    expect(cert.blocs.flatMap((b) => b.competencies.map((c) => c.id))).toEqual(
      Array.from({ length: 17 }, (_, i) => `sm-c${String(i + 1).padStart(2, '0')}`),
    );
    expect(cert.blocs.flatMap((b) => b.criteria.map((c) => c.id))).toEqual(
      Array.from({ length: 49 }, (_, i) => `sm-k${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('links A1.3, A2.2 and A3.3 to both of their sub-competencies', () => {
    for (const [act, comps] of [
      ['A1.3', ['C1.3.1', 'C1.3.2']],
      ['A2.2', ['C2.2.1', 'C2.2.2']],
      ['A3.3', ['C3.3.1', 'C3.3.2']],
    ] as const) {
      const b = cert.blocs.find((x) => x.activities.some((a) => a.code === act))!;
      const aid = b.activities.find((a) => a.code === act)!.id;
      expect(b.competencies.filter((c) => c.activityIds.includes(aid)).map((c) => c.code)).toEqual(comps);
    }
  });

  describe('exact wording and attachment (spot checks)', () => {
    it('HTML <i> removed: hashtags criterion, on C1.5', () => {
      const { codes } = criterion(
        "Le respect des codes des réseaux sociaux (hashtags, Lives, Reels...) permet l'optimisation des médias sociaux.",
      );
      expect(codes).toEqual(['C1.5']);
    });

    it('HTML <i> removed: Social ads criterion, on C2.5', () => {
      const { codes } = criterion(
        'Une campagne Social ads est publiée sur différents canaux publicitaires (Google Ads, Facebook Ads, Instagram Ads, LinkedIn Ads).',
      );
      expect(codes).toEqual(['C2.5']);
    });

    it('criterion cut by a page break is joined, and attaches to the shared C2.2.1/C2.2.2 cell', () => {
      const { codes } = criterion(
        'Des fiches produit sont intégrées sur un site e-commerce via Shopify, optimisées pour le référencement et mises en ligne sur un Wordpress.',
      );
      expect(codes).toEqual(['C2.2.1', 'C2.2.2']);
      expect(
        criterion('Les sites et leurs contenus sont mis à jour quotidiennement à l\'aide de Wordpress.').codes,
      ).toEqual(['C2.2.1', 'C2.2.2']);
    });

    it('criteria continued after a page break stay on C1.6 (authors\' grammar kept)', () => {
      expect(criterion('La relation client est pris en charge à travers les avis clients, SAV et FAQ.').codes).toEqual(['C1.6']);
      expect(
        criterion(
          'Les commentaires et avis négatifs sont traités par le candidat au regard de la stratégie de communication de la marque.',
        ).codes,
      ).toEqual(['C1.6']);
    });

    it('the continuation row at the end of bloc 3 belongs to C3.3.2', () => {
      expect(
        criterion(
          "Les KPI (taux de clique/audience, référencement, ...) sont correctement mis en place au regard de la performance de l'inbound marketing.",
        ).codes,
      ).toEqual(['C3.3.2']);
      expect(
        criterion('Les éléments indispensables au reporting sont mis en exergue au regard des objectifs fixés par la marque.').codes,
      ).toEqual(['C3.3.2']);
    });

    it('RGPD / libre de droits is on C1.3.2, not C1.3.1', () => {
      expect(
        criterion(
          'Les contenus utilisés sont libres de droits au regard du Règlement Général européen sur la Protection des Données (RGPD).',
        ).codes,
      ).toEqual(['C1.3.2']);
    });

    it('the SEA sentence with its colon is one criterion, on C3.2', () => {
      expect(
        criterion(
          "Pour mesurer l'efficacité du SEA, le candidat prévoit : de relier le compte Google Ads à Analytics, de placer correctement les balises de conversion Google Ads sur les pages à tracker.",
        ).codes,
      ).toEqual(['C3.2']);
    });

    it('competency texts: bold/plain split joined, space before comma and page break fixed', () => {
      const comp = (code: string) => cert.blocs.flatMap((b) => b.competencies).find((c) => c.code === code)!.text;
      expect(comp('C1.1')).toBe(
        "Analyser la donnée disponible au regard du positionnement et de la stratégie de la marque, en tenant compte des profils d'internautes et tendances d'influence en ligne afin d'adapter la communication en ligne.",
      );
      expect(comp('C1.6')).toBe(
        "Animer les espaces d'échanges avec les communautés en répondant aux réclamations, aux avis et aux commentaires des internautes tout en gardant la maîtrise de la e-réputation de la marque afin de fidéliser la communauté.",
      );
      expect(comp('C2.2.2')).toBe(
        "Créer des fiches produit en fournissant les informations nécessaires et accessibles aux clients potentiels afin d'orienter les clients dans leurs achats et d'améliorer la visibilité du site e-commerce dans les résultats de recherche.",
      );
    });
  });

  describe('evaluations: one per modality cell of the document', () => {
    const covers = (code: string) =>
      bloc(code).evaluations.map((e) => [e.id, e.competencyIds.map((id) => bloc(code).competencies.find((c) => c.id === id)?.code)]);
    const evaluation = (id: string) => cert.blocs.flatMap((b) => b.evaluations).find((e) => e.id === id)!;

    it('bloc 1 and bloc 3 have one cell spanning the whole bloc; bloc 2 has two (site C2.1–C2.3, e-mailing C2.4–C2.5)', () => {
      expect(cert.blocs.map((b) => b.evaluations.length)).toEqual([1, 2, 1]);
      expect(covers('1')).toEqual([['sm-e1', []]]);
      expect(covers('2')).toEqual([
        ['sm-e2', ['C2.1', 'C2.2.1', 'C2.2.2', 'C2.3']],
        ['sm-e3', ['C2.4', 'C2.5']],
      ]);
      expect(covers('3')).toEqual([['sm-e4', []]]);
    });

    it('bloc 2 covers each of its competencies exactly once', () => {
      const covered = bloc('2').evaluations.flatMap((e) => e.competencyIds);
      expect([...covered].sort()).toEqual(bloc('2').competencies.map((c) => c.id).sort());
    });

    it('keeps the modality cell verbatim: type, title, brief and task list in modality, the deliverable and its defence in production', () => {
      expect(evaluation('sm-e1').modality.split('\n').slice(0, 2)).toEqual(['Mise en situation professionnelle :', 'STRATÉGIE SOCIAL MEDIA']);
      expect(evaluation('sm-e2').modality).toBe(
        "Mise en situation professionnelle :\nRÉALISATION D'UN SITE E-COMMERCE\nA partir d'une commande client réelle ou fictive portant sur un projet de création digitale, le candidat crée un site e-commerce type Wordpress. Pour ce faire, il doit :\n- Elaborer le design du site e-commerce,\n- Développer et d'intégrer plusieurs pages.",
      );
      expect(evaluation('sm-e2').production).toBe(
        "Il présente le site e-commerce réalisé lors d'une soutenance orale devant un jury composé d'intervenants et de professionnels du secteur.",
      );
      expect(evaluation('sm-e3').modality).toMatch(/^Mise en situation professionnelle :\nCAMPAGNES E-MAILING\n/);
      expect(evaluation('sm-e3').modality.split('\n').filter((l) => l.startsWith('- '))).toEqual([
        "- Rédiger le contenu de l'e-mail ;",
        "- Mettre en place l'e-mailing ;",
        '- Présenter les résultats de la campagne e-mailing.',
      ]);
      // Same jury sentence for the social-media dossier (bloc 1) and the e-mailing dossier (bloc 2).
      for (const id of ['sm-e1', 'sm-e3'])
        expect(evaluation(id).production).toBe(
          "Il rend compte du travail réalisé dans un dossier numérique, qu'il soutient devant un jury composé d'intervenants et de professionnels du secteur.",
        );
      expect(evaluation('sm-e4').modality).toMatch(/^Etude de cas :\nSTRATÉGIE DE RÉFÉRENCEMENT\n/);
      expect(evaluation('sm-e4').modality.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(4);
      expect(evaluation('sm-e4').production).toBe(
        "Il rend compte du travail réalisé dans un tableau de bord, qu'il soutient devant un jury composé d'intervenants et de professionnels du secteur.",
      );
      // The production sentence is not repeated in the modality.
      for (const e of cert.blocs.flatMap((b) => b.evaluations)) expect(e.modality).not.toContain(e.production);
    });
  });

  it('tags criteria where a juror would check them (spot checks)', () => {
    // RGAA named explicitly: accessibility.
    for (const text of [
      "Le contenu publié sur les médias sociaux (Twitter, LinkedIn, YouTube par exemple) est accessible et tient compte de la réglementation en vigueur (RGPD, RGAA, droits d'auteur/d'image, ...).",
      "Le candidat intègre des pratiques numériques responsables dans la création de son site (en prenant par exemple appui sur le référentiel d'écoconception web, RGAA, Guide des bonnes pratiques numérique responsable pour les organisations de la Mission interministérielle numérique écoresponsable – MiNumEco, Référentiel de maturité Green IT).",
    ])
      expect(criterion(text).cr.topics).toContain('accessibility');
    // Bloc 2's e-mailing criteria are checked on the e-mails; the site's on the shop.
    for (const cr of bloc('2').criteria.filter((c) => c.scope.competencyIds.includes('sm-c12'))) expect(cr.deliverableKinds).toContain('emailing');
    for (const cr of bloc('2').criteria.filter((c) => ['sm-c08', 'sm-c09', 'sm-c11'].some((id) => c.scope.competencyIds.includes(id))))
      expect(cr.deliverableKinds).toContain('ecommerce-site');
  });

  it('contains no conversion residue (HTML tags, curly apostrophes, doubled spaces, space before comma)', () => {
    const texts = cert.blocs.flatMap((b) => [
      b.title,
      ...b.evaluations.flatMap((e) => [e.modality, e.production]),
      ...b.activities.map((a) => a.title),
      ...b.competencies.map((c) => c.text),
      ...b.criteria.map((c) => c.text),
    ]);
    for (const t of texts) {
      expect(t).not.toMatch(/<\/?[a-z]+|[’‘]| {2}| ,/);
    }
  });
});
