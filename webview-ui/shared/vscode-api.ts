/** The webview side of the typed message protocol: post to the host, receive from it, persist state. */

interface VsCodeApi<S> {
  postMessage(message: unknown): void;
  getState(): S | undefined;
  setState(state: S): void;
}

declare function acquireVsCodeApi<S>(): VsCodeApi<S>;

export interface HostChannel<ToHost, FromHost, S> {
  post(message: ToHost): void;
  onMessage(handler: (message: FromHost) => void): void;
  getState(): S | undefined;
  setState(state: S): void;
}

export function connectToHost<ToHost, FromHost, S>(): HostChannel<ToHost, FromHost, S> {
  const api = acquireVsCodeApi<S>();
  return {
    post: (message) => api.postMessage(message),
    onMessage: (handler) => window.addEventListener('message', (event: MessageEvent<FromHost>) => handler(event.data)),
    getState: () => api.getState(),
    setState: (state) => api.setState(state),
  };
}

/** The app's words in the user's language, which the host wrote into the page as a JSON data block. */
export function readStrings<S>(): S {
  return JSON.parse(document.getElementById('l10n-strings')?.textContent ?? '{}') as S;
}
