// Storage failures as the juror should read them, in French, and which ones keep the edit pending.

export class WorkspaceRuleError extends Error {
  override name = 'WorkspaceRuleError';
}

export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError';
}

/** A French message for a failed write; the caller keeps the edit and can retry. */
export function storageErrorMessage(error: unknown): string {
  if (error instanceof WorkspaceRuleError) return error.message;
  if (isQuotaError(error))
    return "L'espace de stockage du navigateur est plein : la dernière saisie n'a pas pu être enregistrée. Elle reste dans le panneau et sera enregistrée dès que vous aurez libéré de la place (supprimez des captures d'écran ou exportez puis supprimez d'anciennes évaluations), puis cliquez sur « Réessayer ».";
  const name = (error as { name?: string } | null)?.name;
  if (name === 'InvalidStateError' || name === 'DatabaseClosedError')
    return "La base locale de Grille est fermée (mise à jour de l'extension ou navigation privée ?). Rechargez le panneau : votre saisie est conservée et sera enregistrée.";
  return `L'enregistrement a échoué (${name ?? 'erreur inconnue'}). Votre saisie est conservée ; cliquez sur « Réessayer ».`;
}
