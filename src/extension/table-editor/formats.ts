/**
 * Which files the table editor opens, from the formats module (core/ingest/formats.ts): binary and compressed
 * files by default (they have no useful text), plain text files on request. package.json's
 * \`customEditors\` repeats these patterns (a manifest is static); a unit test keeps the two equal.
 */
import { BINARY_FORMATS, TEXT_FORMATS, dataFormatOf, type DataFormat } from '../../core/ingest/formats';

export interface TableEditorType {
  viewType: string;
  /** 'default' opens these files in the grid; 'option' offers it ("Reopen Editor With…", "Open as Table"). */
  priority: 'default' | 'option';
  formats: readonly DataFormat[];
}

export const TABLE_EDITOR_TYPES: readonly TableEditorType[] = [
  { viewType: 'datasetInspector.table', priority: 'default', formats: BINARY_FORMATS },
  { viewType: 'datasetInspector.tableForText', priority: 'option', formats: TEXT_FORMATS },
];

/** The file-name patterns of an editor type, as package.json's selectors spell them ("*.parquet"). */
export function filenamePatterns(type: TableEditorType): string[] {
  return type.formats.flatMap((f) => f.extensions.map((e) => `*${e}`));
}

/** The table editor view type for a file name, or undefined when the grid does not open it. */
export function tableViewTypeFor(fileName: string): string | undefined {
  const format = dataFormatOf(fileName);
  return format && TABLE_EDITOR_TYPES.find((t) => t.formats.includes(format))?.viewType;
}
