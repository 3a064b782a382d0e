/** `dataset-inspector profile`: placeholder until its issue lands. */
export async function runProfile(_args: string[]): Promise<number> {
  process.stderr.write('dataset-inspector profile: not implemented yet\n');
  return 2;
}
