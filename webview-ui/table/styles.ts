/** The table view's styles: VS Code theme variables only; adopted as a constructed stylesheet (no inline styles under the CSP). */
import { css } from 'lit';
import { MAX_CELL_WIDTH_EM } from './model';

export const tableStyles = css`
  body {
    padding: 0;
    overflow: hidden;
  }
  #app {
    position: fixed;
    inset: 0;
    display: grid;
    grid-template-rows: auto 1fr auto;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: 6px 10px;
    align-items: center;
    padding: 6px 10px;
    border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border));
  }
  .toolbar .title {
    font-weight: 600;
  }
  .toolbar .spacer {
    flex: 1;
  }
  .toolbar select,
  .toolbar input[type='search'] {
    background: var(--vscode-input-background);
    color: var(--vscode-input-foreground);
    border: 1px solid var(--vscode-input-border, transparent);
    padding: 2px 4px;
    font: inherit;
  }
  .toolbar input[type='search'] {
    width: 14em;
  }
  .toolbar label {
    display: inline-flex;
    gap: 4px;
    align-items: center;
  }
  .busy {
    color: var(--vscode-descriptionForeground);
    font-style: italic;
  }
  .body {
    position: relative;
    display: grid;
    grid-template-columns: 1fr auto;
    min-height: 0;
  }
  .grid-box {
    position: relative;
    min-width: 0;
    /* The grid's layout and paint never reach the rest of the page. */
    contain: strict;
  }
  .status {
    padding: 2px 10px;
    min-height: 1.4em;
    color: var(--vscode-descriptionForeground);
    border-top: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border));
  }
  .status .error {
    color: var(--vscode-errorForeground);
  }

  /* The grid (grid-view.ts): a scroll container sized to the rows, the <table> of the cells on screen kept in view. */
  .grid {
    position: absolute;
    inset: 0;
    overflow: auto;
    overflow-anchor: none;
    overscroll-behavior: none;
    outline: none;
    font-family: var(--vscode-editor-font-family);
    font-size: var(--vscode-editor-font-size);
    color: var(--vscode-editor-foreground);
  }
  .grid:focus-visible {
    outline: 1px solid var(--vscode-focusBorder);
    outline-offset: -1px;
  }
  .grid-sizer {
    position: absolute;
    top: 0;
    left: 0;
    width: 1px;
    visibility: hidden;
    pointer-events: none;
  }
  .grid-clip {
    position: sticky;
    top: 0;
    left: 0;
    width: 100%;
    height: 100%;
    overflow: hidden;
    contain: strict;
  }
  /* Separate borders (each cell draws its right and bottom ones): collapsed borders are the table's to paint. */
  .grid table {
    border-collapse: separate;
    border-spacing: 0;
    outline: none;
  }
  .grid table * {
    box-sizing: border-box;
  }
  /* Stays on top of the body rows scrolled under it (grid-view.ts scrolls .grid-clip). */
  .grid thead {
    position: sticky;
    top: 0;
    z-index: 1;
  }
  /* A pooled row below the last row of the view. */
  .grid tr.past-end {
    visibility: hidden;
  }
  .grid td,
  .grid th {
    white-space: nowrap;
    padding: 0 6px;
    height: 22px;
    border-right: 1px solid var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.2));
    border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.12));
  }
  .grid td {
    max-width: ${MAX_CELL_WIDTH_EM}em;
  }
  /* Only cells whose text may reach the maximum width (grid.ts): a clip costs layout and paint every frame. */
  .grid td.clip {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .grid th {
    position: relative;
    font-weight: normal;
    background: var(--vscode-editorGroupHeader-tabsBackground, var(--vscode-editor-background));
  }
  .grid thead th {
    text-align: left;
    overflow: hidden;
  }
  .grid thead tr:first-child th {
    font-weight: 600;
  }
  .grid thead tr:first-child th.sortable {
    cursor: pointer;
  }
  .grid thead tr:nth-child(2) th {
    color: var(--vscode-descriptionForeground);
    font-size: 0.9em;
  }
  .grid thead tr:last-child th {
    border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border));
  }
  .grid tbody th {
    text-align: right;
    color: var(--vscode-editorLineNumber-foreground);
    font-variant-numeric: tabular-nums;
  }
  .grid .column-resize {
    position: absolute;
    top: 0;
    right: 0;
    width: 8px;
    height: 100%;
    cursor: col-resize;
  }
  .grid .column-resize:hover {
    background: var(--vscode-sash-hoverBorder, var(--vscode-focusBorder));
  }
  .grid tbody tr:hover td {
    background: var(--vscode-list-hoverBackground);
  }
  .grid td.missing {
    background: var(--vscode-editor-inactiveSelectionBackground);
    opacity: 0.8;
  }
  .grid td.na {
    color: var(--vscode-descriptionForeground);
    font-style: italic;
  }
  .grid td.rejected {
    text-decoration: underline wavy var(--vscode-editorWarning-foreground);
  }
  .grid td.sev-error {
    background: color-mix(in srgb, var(--vscode-editorError-foreground) 22%, transparent);
    box-shadow: inset 3px 0 var(--vscode-editorError-foreground);
  }
  .grid td.sev-warning {
    background: color-mix(in srgb, var(--vscode-editorWarning-foreground) 22%, transparent);
    box-shadow: inset 3px 0 var(--vscode-editorWarning-foreground);
  }
  .grid td.sev-info,
  .grid td.sev-hint {
    background: color-mix(in srgb, var(--vscode-editorInfo-foreground) 18%, transparent);
    box-shadow: inset 3px 0 var(--vscode-editorInfo-foreground);
  }
  .grid tbody th.sev-error {
    box-shadow: inset -3px 0 var(--vscode-editorError-foreground);
  }
  .grid tbody th.sev-warning {
    box-shadow: inset -3px 0 var(--vscode-editorWarning-foreground);
  }
  .grid tbody th.sev-info,
  .grid tbody th.sev-hint {
    box-shadow: inset -3px 0 var(--vscode-editorInfo-foreground);
  }
  .grid td.selected {
    background: var(--vscode-editor-selectionBackground);
    color: var(--vscode-editor-selectionForeground, inherit);
  }
  .grid td.cursor,
  .grid th.cursor {
    outline: 2px solid var(--vscode-focusBorder);
    outline-offset: -2px;
  }
  .sparkline {
    display: flex;
    align-items: flex-end;
    gap: 1px;
    height: 16px;
    min-width: 60px;
  }
  .sparkline .bar {
    flex: 1;
    background: var(--vscode-charts-blue);
    min-width: 2px;
  }
  .sparkline.top-values {
    align-items: stretch;
    height: 10px;
    margin-top: 6px;
    gap: 1px;
    background: var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.2));
  }
  .sparkline .part-0 { background: var(--vscode-charts-blue); }
  .sparkline .part-1 { background: var(--vscode-charts-green); }
  .sparkline .part-2 { background: var(--vscode-charts-orange); }
  .sparkline .part-3 { background: var(--vscode-charts-purple); }
  .sparkline .part-4 { background: var(--vscode-charts-yellow); }

  /* The findings beside the grid. */
  .findings-panel {
    width: 20em;
    max-width: 40vw;
    overflow: auto;
    border-left: 1px solid var(--vscode-panel-border, var(--vscode-editorWidget-border));
    padding: 4px 0;
  }
  .findings-panel p {
    padding: 0 10px;
  }
  .findings-panel ol {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .findings-panel li {
    padding: 4px 8px;
    border-left: 3px solid transparent;
    cursor: pointer;
  }
  .findings-panel li:hover,
  .findings-panel li:focus {
    background: var(--vscode-list-hoverBackground);
    outline: 1px solid var(--vscode-focusBorder);
    outline-offset: -1px;
  }
  .findings-panel li.error { border-left-color: var(--vscode-editorError-foreground); }
  .findings-panel li.warning { border-left-color: var(--vscode-editorWarning-foreground); }
  .findings-panel li.information,
  .findings-panel li.hint { border-left-color: var(--vscode-editorInfo-foreground); }
  .findings-panel .rule {
    font-family: var(--vscode-editor-font-family);
    color: var(--vscode-textLink-foreground);
  }
  .findings-panel .where {
    color: var(--vscode-descriptionForeground);
    margin-left: 6px;
  }
`;
