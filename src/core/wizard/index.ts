/**
 * The container decision wizard, pure: questions, the recommendation with its reasons, the files
 * to scaffold, and the session the webview drives. No IO; the extension writes the files.
 */
export { entryScriptProblem, QUESTION_IDS, visibleQuestions } from './questions';
export type { Answers, Option, Question, QuestionId } from './questions';
export { PATHS, PATH_ROWS, REASON_ROWS, recommend } from './recommend';
export type { Cause, PathId, PathInfo, Reason, Recommendation } from './recommend';
export type { ImageRole, ResolvedImage } from './images';
export { scaffold } from './scaffold';
export type { FileSpec } from './scaffold';
export { EMPTY_SESSION, sessionOf, update, view } from './session';
export type { QuestionView, Session, WizardEvent, WizardView } from './session';
export { DEFAULT_TARGET, folderProblem, isInside, normalizeFolder } from './target';
