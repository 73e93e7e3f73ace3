// A référentiel file refused: every problem found, each naming its row and column (CSV) or its
// field path (JSON), in French.
export class ReferentielImportError extends Error {
  override name = 'ReferentielImportError';
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0]! : `${problems.length} problèmes empêchent l’import : ${problems[0]} …`);
  }
}
