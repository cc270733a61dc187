/** A body extractor run by the benchmark: a page in, its story text out. */
export interface Extractor<Page = { readonly id: string }> {
  readonly name: string;
  readonly extract: (page: Page) => string;
}

/**
 * The extractor with its throws caught: a page it throws on yields '' (scored as an empty
 * extraction) and is recorded in `failedPages`, so one bad page does not end the run.
 */
export function tolerant<Page extends { readonly id: string }>(extractor: Extractor<Page>): Extractor<Page> & { readonly failedPages: Set<string> } {
  const failedPages = new Set<string>();
  return {
    name: extractor.name,
    failedPages,
    extract: (page) => {
      try {
        return extractor.extract(page);
      } catch {
        failedPages.add(page.id);
        return '';
      }
    },
  };
}
