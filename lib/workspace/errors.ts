// Storage failures as the juror should read them, in French, and which ones keep the edit pending.
// The messages never name an internal error, nor a « Réessayer » button: the component showing
// one adds the sentence where the button is (components/storage-error.tsx).

export class WorkspaceRuleError extends Error {
  override name = 'WorkspaceRuleError';
}

export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** A French message for a failed write; the caller keeps the edit. */
export function storageErrorMessage(error: unknown): string {
  if (error instanceof WorkspaceRuleError) return error.message;
  if (isQuotaError(error))
    return "L'espace de stockage du navigateur est plein : la dernière saisie n'a pas pu être enregistrée. Elle reste dans le panneau ; libérez de la place (supprimez des captures d'écran ou exportez puis supprimez d'anciennes évaluations) avant d'enregistrer à nouveau.";
  const e = error as { name?: string; inner?: { name?: string } } | null;
  const name = e?.inner?.name ?? e?.name;
  if (name === 'InvalidStateError' || name === 'DatabaseClosedError')
    return "La base locale de Grille est fermée (mise à jour de l'extension ou navigation privée ?). Rechargez le panneau : votre saisie est conservée et sera enregistrée.";
  return "L'enregistrement a échoué, sans que le navigateur en dise la raison. Votre saisie est conservée dans le panneau.";
}
