/**
 * The export formats by name, without loading the exporters: the command line lists them in
 * `--help` and checks `--format` before anything heavy is loaded. `trace/export/index.ts`
 * keys its table by this list, so the two cannot drift apart.
 */
/** Every export format's name, in the order `--help` lists them. */
export const EXPORT_FORMAT_NAMES = ['text', 'markdown', 'mermaid', 'chrome', 'json', 'svg', 'slides', 'slides-html', 'html'] as const;

/** One of {@link EXPORT_FORMAT_NAMES}. */
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];
