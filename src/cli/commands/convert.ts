/** `dataset-inspector convert`: placeholder until its issue lands. */
export async function runConvert(_args: string[]): Promise<number> {
  process.stderr.write('dataset-inspector convert: not implemented yet\n');
  return 2;
}
