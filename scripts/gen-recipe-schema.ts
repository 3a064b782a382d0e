/**
 * Writes docs/recipe.schema.json, the JSON Schema of cleaning recipes, from the recipe's zod schema
 * (`npx tsx scripts/gen-recipe-schema.ts`). A unit test keeps it in sync.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { recipeJsonSchema } from '../src/core/clean/recipe';

export const schemaPath = path.join(__dirname, '..', 'docs', 'recipe.schema.json');

export function recipeSchemaText(): string {
  return `${JSON.stringify({ $id: 'dataset-inspector/clean-recipe.schema.json', title: 'Dataset Inspector cleaning recipe', ...(recipeJsonSchema() as object) }, null, 2)}\n`;
}

if (require.main === module) {
  writeFileSync(schemaPath, recipeSchemaText());
  console.log(`wrote ${schemaPath}`);
}
