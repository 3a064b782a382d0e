/** What the command modules share: created once in `activate`, disposed with the extension. */
import type * as vscode from 'vscode';
import type { CheckService } from './check-service';
import type { EditLog } from './edit-log';

export interface ExtensionServices {
  context: vscode.ExtensionContext;
  checkService: CheckService;
  /** The edits made to open data files since they were checked (for quick fixes). */
  editLog: EditLog;
  output: vscode.LogOutputChannel;
}
