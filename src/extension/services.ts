/** What the command modules share: created once in `activate`, disposed with the extension. */
import type * as vscode from 'vscode';
import type { CheckService } from './check-service';

export interface ExtensionServices {
  context: vscode.ExtensionContext;
  checkService: CheckService;
  output: vscode.LogOutputChannel;
}
