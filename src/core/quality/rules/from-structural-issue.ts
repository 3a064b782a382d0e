/** Shared shape of the structure rules: each reports one kind of defect the reader met while tokenizing. */
import type { SourceFormat, StructuralIssue, StructuralIssueKind } from '../../table/model';
import type { Severity } from '../finding';
import { defineRule, type QualityRule } from '../rule';

export interface StructuralRuleSpec {
  id: string;
  kind: StructuralIssueKind;
  title: string;
  defaultSeverity: Severity;
  /** The formats whose reader reports this kind of defect (default: all). */
  formats?: readonly SourceFormat[];
  description: string;
  docs: string;
  message(issue: StructuralIssue): string;
}

export function structuralRule(spec: StructuralRuleSpec): QualityRule {
  return defineRule({
    id: spec.id,
    title: spec.title,
    dimension: 'structure',
    defaultSeverity: spec.defaultSeverity,
    ...(spec.formats ? { formats: spec.formats } : {}),
    defaultOptions: {},
    description: spec.description,
    docs: spec.docs,
    check({ data, report }) {
      for (const issue of data.structuralIssues) {
        if (issue.kind !== spec.kind) continue;
        report({ row: issue.row, columnIndex: issue.column, range: issue.range, message: spec.message(issue) });
      }
    },
  });
}
