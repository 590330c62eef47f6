/**
 * Which files are Dockerfiles, in one place: smlint's directory search, the pre-commit hook's
 * `files` pattern (checked by a test) and the editor's "Lint Workspace Dockerfiles" all follow it,
 * with the names VS Code's docker language claims.
 */

/** Folders a search never enters. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git']);

/**
 * The names `docker build` and `podman build` users give Dockerfiles. `*.dockerignore` is excluded
 * because BuildKit reads `Dockerfile.dockerignore` as the ignore file of `Dockerfile`.
 */
export function isDockerfileName(name: string): boolean {
  if (name.endsWith('.dockerignore')) return false;
  return /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /.\.([dD]ocker|[cC]ontainer)file$/.test(name);
}
