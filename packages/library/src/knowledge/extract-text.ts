import { CreatorFlowError } from '@creatorflow/core';
import { htmlFragmentText, readableFromHtml } from './readable.ts';

/** Largest document whose text is extracted (bigger files are stored but not read). */
export const MAX_EXTRACT_BYTES = 50 * 1024 * 1024;

/** Text of a PDF, page by page (unpdf, a serverless build of pdf.js). */
export async function pdfText(bytes: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: false });
    return text.map((page) => page.trim()).join('\n\n');
  } catch (cause) {
    throw new CreatorFlowError('DOCUMENT_UNREADABLE', `The PDF could not be read: ${(cause as Error).message}. Is it encrypted or damaged?`, {
      cause,
      status: 422,
    });
  }
}

/** Paragraph text of a DOCX file (mammoth), headings kept as Markdown `#` so chunks know their section. */
export async function docxText(bytes: Buffer): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  try {
    const { value } = await mammoth.convertToHtml({ buffer: bytes });
    return htmlFragmentText(value);
  } catch (cause) {
    throw new CreatorFlowError('DOCUMENT_UNREADABLE', `The DOCX file could not be read: ${(cause as Error).message}`, { cause, status: 422 });
  }
}

/** Text of a document by MIME type; null for types without text (spreadsheets, slides). */
export async function extractDocumentText(bytes: Buffer, mime: string): Promise<string | null> {
  if (bytes.length > MAX_EXTRACT_BYTES) return null;
  if (mime === 'application/pdf') return pdfText(bytes);
  if (mime === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return docxText(bytes);
  if (mime === 'text/html') return readableFromHtml(bytes.toString('utf8')).text;
  if (mime.startsWith('text/') || mime === 'application/json') return bytes.toString('utf8');
  return null;
}
