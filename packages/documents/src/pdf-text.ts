import { extractText, getDocumentProxy } from 'unpdf';

/**
 * A PDF's text as a reader copies it, for tests: pages joined, every run of white space (line
 * breaks, non-breaking spaces) one space.
 */
export async function pdfText(pdf: Buffer): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/gu, ' ');
}

/** Where each part first appears after the previous one; -1 for a part missing or out of order. */
export function positionsInOrder(text: string, parts: string[]): number[] {
  let from = 0;
  return parts.map((part) => {
    const at = text.indexOf(part, from);
    if (at >= 0) from = at + part.length;
    return at;
  });
}
