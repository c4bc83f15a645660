/**
 * Which files are accepted as evidence, decided from the name's extension AND the first bytes,
 * so that a renamed executable or an HTML page posing as a PDF is refused.
 */
interface FileType {
  contentType: string;
  matches: (head: Buffer) => boolean;
}

const startsWith = (bytes: number[]) => (head: Buffer) => bytes.every((b, i) => head[i] === b);
const zip = startsWith([0x50, 0x4b, 0x03, 0x04]);
// Plain text: valid UTF-8 without NUL bytes (binary content posing as text fails this).
const text = (head: Buffer) => !head.includes(0) && Buffer.from(head.toString('utf8'), 'utf8').equals(head);

const TYPES: Record<string, FileType> = {
  pdf: { contentType: 'application/pdf', matches: startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  png: { contentType: 'image/png', matches: startsWith([0x89, 0x50, 0x4e, 0x47]) },
  jpg: { contentType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  jpeg: { contentType: 'image/jpeg', matches: startsWith([0xff, 0xd8, 0xff]) },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: zip },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: zip },
  pptx: { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', matches: zip },
  csv: { contentType: 'text/csv; charset=utf-8', matches: text },
  txt: { contentType: 'text/plain; charset=utf-8', matches: text },
  md: { contentType: 'text/markdown; charset=utf-8', matches: text },
  json: { contentType: 'application/json', matches: text },
};

export const ACCEPTED_EXTENSIONS = Object.keys(TYPES);

export type Detection = { ok: true; contentType: string } | { ok: false; reason: string };

export function detectFileType(fileName: string, content: Buffer): Detection {
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const type = extension ? TYPES[extension] : undefined;
  if (!type) return { ok: false, reason: `files of this type are not accepted; use one of: ${ACCEPTED_EXTENSIONS.join(', ')}` };
  // Text checks look at a prefix; cut it at a character boundary so a multi-byte character is not split.
  let head = content.subarray(0, 4096);
  if (type.matches === text && head.length === 4096) {
    let end = head.length;
    while (end > 0 && (head[end - 1]! & 0xc0) === 0x80) end--;
    if (end > 0 && head[end - 1]! >= 0xc0) end--;
    head = head.subarray(0, end);
  }
  if (!type.matches(head)) return { ok: false, reason: `the content is not a ${extension} file` };
  return { ok: true, contentType: type.contentType };
}
