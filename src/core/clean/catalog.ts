/** What the cleaning panel offers: every step with its title, description and option schema (JSON Schema, from zod). */
import { toJSONSchema } from 'zod/v4/core';
import { allSteps } from './steps/index';

export interface StepCatalogEntry {
  id: string;
  title: string;
  description: string;
  /** JSON Schema of the step's options (as written in a recipe, defaults included). */
  options: unknown;
  /** Whether the step works on a list of columns (`columns` option), on one target column, or the table. */
  scope: 'columns' | 'target' | 'table' | 'mapping';
}

export function stepCatalog(): StepCatalogEntry[] {
  return allSteps.map((s) => {
    const schema = toJSONSchema(s.options, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown>; required?: string[] };
    const properties = schema.properties ?? {};
    const scope = 'target' in properties ? 'target' : 'mapping' in properties ? 'mapping' : 'columns' in properties && schema.required?.includes('columns') ? 'columns' : 'table';
    return { id: s.id, title: s.title, description: s.description, options: schema, scope };
  });
}
