/**
 * The table editor's file types: the one place the extension lists them. package.json's `customEditors`
 * repeats these patterns (a manifest is static); a unit test keeps the two equal. No `vscode` import.
 */

export interface TableEditorType {
  viewType: string;
  /** 'default' opens these files in the grid; 'option' offers it ("Reopen Editor With…", "Open as Table"). */
  priority: 'default' | 'option';
  patterns: readonly string[];
}

export const TABLE_EDITOR_TYPES: readonly TableEditorType[] = [
  {
    // Binary (and compressed) files have no useful text: the grid is their editor.
    viewType: 'datasetInspector.table',
    priority: 'default',
    patterns: ['*.arrow', '*.feather', '*.arrows', '*.parquet', '*.csv.gz', '*.tsv.gz', '*.jsonl.gz', '*.ndjson.gz'],
  },
  {
    // Text files stay text by default.
    viewType: 'datasetInspector.tableForText',
    priority: 'option',
    patterns: ['*.csv', '*.tsv', '*.tab', '*.jsonl', '*.ndjson'],
  },
];

/** The table editor view type for a file name, or undefined when the grid does not open it. */
export function tableViewTypeFor(fileName: string): string | undefined {
  const name = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  return TABLE_EDITOR_TYPES.find((t) => t.patterns.some((p) => name.endsWith(p.slice(1))))?.viewType;
}
