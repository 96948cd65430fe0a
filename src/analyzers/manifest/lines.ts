/** 1-based line of the first occurrence of `needle` in `text` (1 when absent: the finding still names the file). */
export function lineAt(text: string, needle: string, from = 0): number {
  const i = text.indexOf(needle, from);
  if (i < 0) return 1;
  let line = 1;
  for (let k = text.indexOf('\n'); k !== -1 && k < i; k = text.indexOf('\n', k + 1)) line++;
  return line;
}
