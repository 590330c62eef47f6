/**
 * The wizard's state machine, pure: `update(session, event)` returns the next session and
 * `view(session)` everything the page shows. The extension host keeps one session per panel and,
 * for every valid message, updates it and posts the view.
 */
import { accepts, entryScriptProblem, settle, type Answers, type Question, type QuestionId } from './questions';
import { recommend, type Recommendation } from './recommend';
import { primaryFile, scaffold, type FileSpec } from './scaffold';

export interface Session {
  /** settled answers: each still follows from the earlier ones */
  answers: Answers;
  /** a typed answer that was refused, shown under its question */
  problem?: { question: QuestionId; value: string; message: string };
}

export type WizardEvent =
  | { type: 'answer'; question: QuestionId; value: string }
  | { type: 'back' }
  | { type: 'reset' };

export interface QuestionView extends Question {
  answer?: string;
  /** set when the typed answer was refused */
  problem?: { value: string; message: string };
}

export interface WizardView {
  questions: QuestionView[];
  /** the question to answer next; absent once everything is answered */
  current?: QuestionId;
  canGoBack: boolean;
  /** present as soon as the answers decide the path */
  recommendation?: Recommendation;
  /** the files "Create files" writes; empty until the answers are complete */
  files: FileSpec[];
  /** the file opened after writing */
  primary?: string;
}

export const EMPTY_SESSION: Session = { answers: {} };

/** A session holding these answers, settled: for restoring saved state, which may be stale. */
export function sessionOf(answers: Answers): Session {
  return { answers: settle(answers).answers };
}

/** Questions the user decided, latest first: auto-filled single options do not count. */
function decided(questions: readonly Question[], answers: Answers): Question[] {
  return questions.filter((q) => answers[q.id] !== undefined && (q.kind === 'text' || q.options.length > 1)).reverse();
}

/** Exhaustive over the event types: a new one fails to compile (no ending return) until handled. */
export function update(session: Session, event: WizardEvent): Session {
  switch (event.type) {
    case 'answer': {
      const question = settle(session.answers).questions.find((q) => q.id === event.question);
      // Only a question on screen can be answered; anything else is a stale or forged message.
      if (!question) return session;
      if (!accepts(question, event.value)) {
        // A refused entry script name is shown with the reason; an option not offered is ignored.
        const message = question.kind === 'text' ? entryScriptProblem(event.value) : undefined;
        return message ? { answers: session.answers, problem: { question: question.id, value: event.value, message } } : session;
      }
      return sessionOf({ ...session.answers, [event.question]: event.value });
    }
    case 'back': {
      const { questions } = settle(session.answers);
      const last = decided(questions, session.answers)[0];
      if (!last) return session;
      const keep = questions.slice(0, questions.findIndex((q) => q.id === last.id)).map((q) => q.id);
      return sessionOf(Object.fromEntries(keep.map((id) => [id, session.answers[id]])));
    }
    case 'reset':
      return EMPTY_SESSION;
  }
}

export function view(session: Session): WizardView {
  const { answers, questions } = settle(session.answers);
  const recommendation = recommend(answers);
  const files = recommendation ? scaffold(recommendation) : [];
  const primary = primaryFile(files);
  return {
    questions: questions.map((q) => ({
      ...q,
      ...answers[q.id] !== undefined ? { answer: answers[q.id] } : {},
      ...session.problem?.question === q.id ? { problem: { value: session.problem.value, message: session.problem.message } } : {},
    })),
    current: questions.find((q) => answers[q.id] === undefined)?.id,
    canGoBack: decided(questions, answers).length > 0,
    ...recommendation ? { recommendation } : {},
    files,
    ...primary ? { primary } : {},
  };
}
