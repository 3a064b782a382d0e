/** `dataset-inspector train`: placeholder until its issue lands. */
export async function runTrain(_args: string[]): Promise<number> {
  process.stderr.write('dataset-inspector train: not implemented yet\n');
  return 2;
}
