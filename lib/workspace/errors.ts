// Storage failures as the juror should read them, in French, and which ones keep the edit pending.
// No message names an internal error (BulkError, ConstraintError…): each cause is explained, and
// a button is named only when the caller shows it.

export class WorkspaceRuleError extends Error {
  override name = 'WorkspaceRuleError';
}

type ErrorLike = { name?: unknown; inner?: unknown; failures?: unknown } | null | undefined;

/**
 * The name of what actually failed: Dexie wraps the browser's error (a BulkError holds one
 * failure per row, an AbortError or OpenFailedError its inner cause).
 */
export function storageCause(error: unknown, depth = 0): string | undefined {
  const e = error as ErrorLike;
  const name = typeof e?.name === 'string' ? e.name : undefined;
  if (depth > 5) return name;
  if (name === 'BulkError' && Array.isArray(e?.failures) && e.failures.length) return storageCause(e.failures.find(Boolean), depth + 1) ?? name;
  if ((name === 'AbortError' || name === 'OpenFailedError' || name === 'UnknownError') && e?.inner) return storageCause(e.inner, depth + 1) ?? name;
  return name;
}

export function isQuotaError(error: unknown): boolean {
  const e = error as { name?: string; inner?: { name?: string } } | null;
  return e?.name === 'QuotaExceededError' || e?.inner?.name === 'QuotaExceededError' || storageCause(error) === 'QuotaExceededError';
}

/** What went wrong, by cause; the browser's names are never shown. */
const CAUSES: Record<string, string> = {
  ConstraintError: 'Grille a voulu enregistrer un élément qui existe déjà ici (même identifiant) : rien n’a été enregistré.',
  InvalidStateError: 'La base locale de Grille est fermée (mise à jour de l’extension ou navigation privée ?) : rechargez le panneau.',
  DatabaseClosedError: 'La base locale de Grille est fermée (mise à jour de l’extension ou navigation privée ?) : rechargez le panneau.',
  VersionError: 'La base locale a été mise à jour par une version plus récente de Grille ouverte ailleurs : rechargez le panneau.',
  AbortError: 'Le navigateur a interrompu l’enregistrement avant la fin : rien n’a été enregistré.',
  TransactionInactiveError: 'Le navigateur a interrompu l’enregistrement avant la fin : rien n’a été enregistré.',
  TimeoutError: 'Le navigateur a mis trop longtemps à enregistrer : rien n’a été enregistré.',
  DataError: 'Une donnée n’a pas pu être enregistrée sous cette forme : rien n’a été enregistré.',
  DataCloneError: 'Une donnée n’a pas pu être enregistrée sous cette forme (format que le navigateur ne sait pas stocker) : rien n’a été enregistré.',
  MissingAPIError: 'Le stockage du navigateur n’est pas disponible (navigation privée stricte ?) : Grille ne peut rien enregistrer.',
  NotFoundError: 'La base locale de Grille est incomplète ou endommagée : rechargez le panneau.',
  UnknownError: 'Le stockage du navigateur a rencontré un problème (disque plein, profil endommagé ?) : rien n’a été enregistré.',
  NotReadableError: 'Le navigateur n’a pas pu relire une donnée enregistrée (fichier du profil abîmé ?).',
};

/** A failure of the browser's storage (as opposed to a bug or a rule), which storageErrorMessage explains. */
export function isStorageError(error: unknown): boolean {
  const cause = storageCause(error);
  return isQuotaError(error) || cause === 'BulkError' || (cause !== undefined && Object.hasOwn(CAUSES, cause));
}

export interface StorageMessageOptions {
  /** The label of the button shown beside the message that tries again (« Réessayer »…). */
  retry?: string;
  /** The juror's input is still in the panel (an edit kept pending). Default true. */
  kept?: boolean;
}

/** A French message for a failed write or read. */
export function storageErrorMessage(error: unknown, options: StorageMessageOptions = {}): string {
  if (error instanceof WorkspaceRuleError) return error.message;
  const { retry, kept = true } = options;
  const then = retry ? ` Cliquez ensuite sur « ${retry} ».` : '';
  if (isQuotaError(error))
    return `L’espace de stockage du navigateur est plein : la dernière saisie n’a pas pu être enregistrée.${kept ? ' Elle reste dans le panneau.' : ''} Libérez de la place (supprimez des captures d’écran, ou exportez puis supprimez d’anciennes évaluations).${then}`;
  const cause = storageCause(error);
  const what = cause && Object.hasOwn(CAUSES, cause) ? CAUSES[cause]! : 'L’enregistrement a échoué, sans que le navigateur en donne la raison.';
  return `${what}${kept ? ' Votre saisie est conservée dans le panneau.' : ''}${then}`;
}
