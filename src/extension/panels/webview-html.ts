/**
 * The HTML shell of every webview: strict CSP with a fresh nonce, local scripts only, theme-aware body, and
 * the app's words in the user's language as a JSON data block (read by readStrings, webview-ui/shared/vscode-api.ts).
 */
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { cleanStrings, reportStrings, tableStrings, trainingStrings } from './webview-strings';

/** JSON that can sit inside a <script> element: no "</script>" or "<!--" can end or comment it. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** The browser apps in webview-ui/, bundled to dist/webview/<app>.js. */
export type WebviewApp = 'report' | 'training' | 'clean' | 'table';

const STRINGS: Record<WebviewApp, () => object> = { report: reportStrings, training: trainingStrings, clean: cleanStrings, table: tableStrings };

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, app: WebviewApp, title: string): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${app}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'webview.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${vscode.env.language}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}" nonce="${nonce}">
<title>${title.replace(/[<>&"]/g, '')}</title>
</head>
<body>
<main id="app" aria-busy="true"></main>
<script type="application/json" id="l10n-strings">${scriptSafeJson(STRINGS[app]())}</script>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

/** A webview panel of one of the apps, with the extension's icon and the strict-CSP HTML shell. */
export function createAppPanel(
  extensionUri: vscode.Uri,
  viewType: string,
  title: string,
  app: WebviewApp,
  showOptions: vscode.ViewColumn | { viewColumn: vscode.ViewColumn; preserveFocus?: boolean },
): vscode.WebviewPanel {
  return loadApp(vscode.window.createWebviewPanel(viewType, title, showOptions, webviewOptions(extensionUri)), extensionUri, app);
}

/** Loads an app into a panel: a new one, or one VS Code restores after a window reload (its webview state comes back with it). */
export function loadApp(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, app: WebviewApp): vscode.WebviewPanel {
  panel.webview.options = webviewOptions(extensionUri);
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icon.png');
  panel.webview.html = webviewHtml(panel.webview, extensionUri, app, panel.title);
  return panel;
}
