/**
 * Filling the webview's localized words. The host writes them into the page (src/extension/panels/
 * webview-html.ts, read by readStrings in vscode-api.ts); the bundles hold no English of their own.
 */

/** Fills `{0}`, `{1}` … in a localized template (as vscode.l10n.t does on the host). */
export function fill(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
}
