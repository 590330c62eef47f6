/**
 * A function of a string that remembers its answers: the editor lints the same image references
 * on every keystroke, and each lint asks about them several times. Bounded, so that a long session
 * cannot grow it without end. Answers are shared between callers: treat them as read-only.
 */
export function cachedByString<T>(compute: (key: string) => T, limit = 1000): (key: string) => T {
  const answers = new Map<string, T>();
  return (key) => {
    let answer = answers.get(key);
    if (answer === undefined) {
      if (answers.size >= limit) answers.clear();
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer;
  };
}
