// The JSON Schema published for schools that write their own référentiel (generated from the zod schema).
import { z } from 'zod';
import { Certification } from './schema';

export function referentielJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Certification, { target: 'draft-2020-12', io: 'input' }),
    $id: 'https://grille-extension.fr/schemas/referentiel.schema.json',
    title: 'Référentiel de certification (Grille)',
    description:
      "Une certification RNCP telle que Grille la lit : blocs, activités, compétences et critères d'évaluation, au mot près. Les identifiants sont opaques et stables.",
  };
}
