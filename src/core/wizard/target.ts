/**
 * Where the scaffold may be written: a folder typed by the user, relative to the workspace folder.
 * Pure, so the rules are unit-tested; the extension also checks each final URI.
 */

/** The folder the wizard proposes: a new one, so nothing of the user's is in the way. */
export const DEFAULT_TARGET = 'container';

/** Characters Windows refuses in names, plus control characters; a folder meant for Git must work there too. */
const BAD_CHARACTERS = /[<>:"|?*\u0000-\u001f]/;

/** `a/b`, with backslashes read as separators and `./`, doubled and trailing separators dropped. */
export function normalizeFolder(input: string): string {
  return input.trim().replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.').join('/');
}

/** Why a typed folder cannot be used, or `undefined` when it can; an empty one is the workspace folder itself. */
export function folderProblem(input: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed.startsWith('/') || trimmed.startsWith('\\') || /^[A-Za-z]:/.test(trimmed) || trimmed.startsWith('~')) {
    return 'Give a folder relative to the workspace folder, such as container.';
  }
  const folder = normalizeFolder(trimmed);
  if (folder.split('/').includes('..')) return 'The folder must be inside the workspace folder.';
  if (BAD_CHARACTERS.test(folder)) return 'Folder names cannot contain < > : " | ? * or control characters.';
  return undefined;
}

/** Whether a scaffold path stays inside the folder it is written to. */
export function isInside(relative: string): boolean {
  return relative.length > 0 && !relative.startsWith('/') && !relative.includes('\\') && !/^[A-Za-z]:/.test(relative)
    && relative.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
