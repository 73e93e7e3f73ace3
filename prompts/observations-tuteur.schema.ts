// The output schema of observations-tuteur.md: the tutor's prompt answers as the jury's does
// (observations-jury.schema.ts) — facts, what is missing, insufficient evidence, questions — so
// that the panel shows both alike. Only the wording the prompt asks for differs.
export { outputSchema } from './observations-jury.schema';
