/**
 * The API VS Code injects into a webview page: the part of @types/vscode-webview this page uses,
 * declared here rather than adding a dependency for one function.
 */
interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): State;
}

/** May be called once per page load. */
declare function acquireVsCodeApi<State = unknown>(): VsCodeApi<State>;
