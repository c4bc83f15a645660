/**
 * The complete subtrees that make up a tree of `size` leaves, left to right: one per set bit of
 * the size. Appending needs only these (as left siblings), and so does the root.
 */
export function frontierAddresses(size: number): Array<{ level: number; index: number }> {
  const out: Array<{ level: number; index: number }> = [];
  let start = 0;
  for (let level = Math.floor(Math.log2(Math.max(size, 1))) + 1; level >= 0; level--) {
    const width = 2 ** level;
    if (Math.floor(size / width) % 2 === 1) {
      out.push({ level, index: start / width });
      start += width;
    }
  }
  return out;
}

export const nodeKey = (level: number, index: number) => `${level}:${index}`;
