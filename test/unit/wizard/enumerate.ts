/**
 * Walks every reachable combination of wizard answers: at each step the next question of
 * `visibleQuestions`, with each of its options. The one text question (the entry script's name) is
 * walked with its default and with one other valid name.
 */
import { visibleQuestions, type Answers } from '../../../src/core/wizard';

export const OTHER_SCRIPT = 'fit_model.py';

export function* reachableAnswers(answers: Answers = {}): Generator<Answers> {
  const questions = visibleQuestions(answers);
  const next = questions.find((q) => answers[q.id] === undefined);
  if (!next) {
    yield answers;
    return;
  }
  const values = next.kind === 'text' ? [next.defaultValue ?? '', OTHER_SCRIPT] : next.options.map((o) => o.value);
  if (values.length === 0) throw new Error(`question ${next.id} has no options after ${JSON.stringify(answers)}`);
  for (const value of values) yield* reachableAnswers({ ...answers, [next.id]: value });
}
