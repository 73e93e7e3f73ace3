// What « Refuser avec autoconsent » reports back to the panel (validated: it comes from the page's
// main world), and how the walkthrough says it. autoconsent names the CMP it recognised
// (didomi, Onetrust…) or « HEURISTIC-REJECT » when its generic heuristic found the refuse button.
import { z } from 'zod';
import { l, type Localized } from '../i18n/localized';

export const AutoRefuseRaw = z.object({
  cmp: z.string().max(200).nullable(),
  popup: z.boolean(),
  refused: z.boolean(),
  clicks: z.number().int().min(0).max(10_000),
  durationMs: z.number().min(0),
  timedOut: z.boolean(),
});
export type AutoRefuseRaw = z.infer<typeof AutoRefuseRaw>;

export interface AutoRefuse extends AutoRefuseRaw {
  /** Found by autoconsent's generic heuristic rather than by a rule for a named CMP. */
  heuristic: boolean;
}

export function readAutoRefuse(raw: unknown): AutoRefuse | null {
  const parsed = AutoRefuseRaw.safeParse(raw);
  if (!parsed.success) return null;
  const heuristic = parsed.data.cmp?.toUpperCase().startsWith('HEURISTIC') ?? false;
  return { ...parsed.data, cmp: heuristic ? null : parsed.data.cmp, heuristic };
}

const clicksText = (n: number): Localized =>
  n === 0 ? l('sans clic, par l’interface du CMP', 'without a click, through the CMP’s API') : l(`${n} clic${n > 1 ? 's' : ''}`, `${n} click${n > 1 ? 's' : ''}`);

/** The sentence the walkthrough shows for the automatic refusal. */
export function autoRefuseNote(r: AutoRefuse): Localized {
  const who = r.heuristic
    ? l('bandeau reconnu par l’heuristique d’autoconsent', 'banner recognised by autoconsent’s heuristic')
    : l(`CMP reconnu : ${r.cmp ?? '?'}`, `CMP recognised: ${r.cmp ?? '?'}`);
  if (r.refused) {
    const clicks = clicksText(r.clicks);
    return l(`Refus fait par autoconsent (${who.fr}, ${clicks.fr}).`, `Refusal made by autoconsent (${who.en}, ${clicks.en}).`);
  }
  const yourself = l(' Refusez vous-même dans la page, puis « Observer après refus ».', ' Refuse in the page yourself, then “Observe after refusal”.');
  if (r.popup) return l(`autoconsent a trouvé le bandeau (${who.fr}) mais n’a pas pu refuser.${yourself.fr}`, `autoconsent found the banner (${who.en}) but could not refuse.${yourself.en}`);
  if (r.cmp)
    return l(
      `autoconsent reconnaît le CMP ${r.cmp} mais aucun bandeau affiché (un choix a peut-être déjà été fait : étape 1).${yourself.fr}`,
      `autoconsent recognises the CMP ${r.cmp} but no banner is shown (a choice may already have been made: step 1).${yourself.en}`,
    );
  return l(`autoconsent n’a reconnu aucun bandeau ni bouton de refus.${yourself.fr}`, `autoconsent recognised no banner and no refuse button.${yourself.en}`);
}
