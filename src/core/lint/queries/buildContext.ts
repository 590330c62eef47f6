/**
 * The build context as `docker build` sends it: the files the caller lists, the directories that
 * hold them, and what `.dockerignore` leaves out (matched by dockerignore.ts, as moby does).
 */
import { type Model, memoKey } from '../model';
import type { BuildContext, ContextFile } from '../types';
import { contextPath, IgnoreMatcher } from './dockerignore';

const SENT_CONTEXT_MEMO = memoKey();

export interface SentContext {
  /** every listed file, context-relative */
  files: ReadonlySet<string>;
  /** every directory that holds a listed file */
  dirs: ReadonlySet<string>;
  /** undefined when nothing is excluded; 'unknown' when the exclusions cannot be told */
  ignore: IgnoreMatcher | 'unknown' | undefined;
  /** the listed files docker build sends: all of them when the exclusions cannot be told */
  sent: readonly ContextFile[];
}

/** The context of this lint run as docker build sends it; undefined when it cannot be listed. */
export function sentContext(model: Model, context: BuildContext | undefined): SentContext | undefined {
  return model.memo(SENT_CONTEXT_MEMO, () => (context ? readContext(context) : undefined), context);
}

interface Listing { files: Set<string>; dirs: Set<string>; otherIgnoreFile: boolean }

/**
 * The sets derived from a listing, kept per listed array: the editor's context returns the same
 * array until a file is created or deleted, and rebuilding sets over tens of thousands of paths on
 * every keystroke was the costliest part of a lint with a large context.
 */
const LISTINGS = new WeakMap<readonly ContextFile[], { listing: Listing; ignoreText?: string; sent?: SentContext }>();

function listingOf(listed: readonly ContextFile[]): Listing {
  const files = new Set<string>();
  for (const file of listed) {
    const path = contextPath(file.path);
    if (path !== '') files.add(path);
  }
  const dirs = new Set<string>();
  let otherIgnoreFile = false;
  for (const file of files) {
    for (let i = file.indexOf('/'); i > 0; i = file.indexOf('/', i + 1)) dirs.add(file.slice(0, i));
    if (file.endsWith('.dockerignore') && file !== '.dockerignore') otherIgnoreFile = true;
  }
  return { files, dirs, otherIgnoreFile };
}

function readContext(context: BuildContext): SentContext | undefined {
  const listed = context.listFiles();
  if (!listed) return undefined;
  let cached = LISTINGS.get(listed);
  if (!cached) {
    cached = { listing: listingOf(listed) };
    LISTINGS.set(listed, cached);
  }
  const { files, dirs, otherIgnoreFile } = cached.listing;
  // .dockerignore is read on every lint: it may have been edited without any file being created.
  const ignoreText = !otherIgnoreFile && files.has('.dockerignore') ? context.readText('.dockerignore') : undefined;
  if (cached.sent && cached.ignoreText === ignoreText) return cached.sent;
  let ignore: SentContext['ignore'];
  // BuildKit reads <Dockerfile>.dockerignore instead when it exists, and the linter does not know
  // the Dockerfile's name; an unreadable or invalid file hides the exclusions too.
  if (otherIgnoreFile) ignore = 'unknown';
  else if (files.has('.dockerignore')) ignore = ignoreText === undefined ? 'unknown' : IgnoreMatcher.fromFile(ignoreText) ?? 'unknown';
  const matcher = ignore;
  const sent = matcher instanceof IgnoreMatcher ? listed.filter((f) => !matcher.excludes(f.path)) : listed;
  cached.ignoreText = ignoreText;
  cached.sent = { files, dirs, ignore, sent };
  return cached.sent;
}

/** Whether docker build sends `path` (a context path), as far as the exclusions can be told. */
export function isSent(context: SentContext, path: string): boolean {
  return context.ignore === undefined || (context.ignore !== 'unknown' && !context.ignore.excludes(path));
}
