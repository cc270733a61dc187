import { z } from 'zod';

/** Position after the last article of a page: its sort time (Postgres text form, exact) and id. */
export interface ArticleCursor {
  sortAt: string;
  articleId: string;
}

const CursorSchema = z.tuple([z.string().min(10).max(40), z.string().regex(/^[0-9a-f]{32}$/)]);

export function encodeCursor(cursor: ArticleCursor): string {
  return Buffer.from(JSON.stringify([cursor.sortAt, cursor.articleId])).toString('base64url');
}

/** Null when the text is not a cursor this API issued. */
export function decodeCursor(text: string): ArticleCursor | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(text, 'base64url').toString('utf8')));
    if (!parsed.success || Number.isNaN(Date.parse(parsed.data[0]))) return null;
    return { sortAt: parsed.data[0], articleId: parsed.data[1] };
  } catch {
    return null;
  }
}
