/** Limits applied to uploaded files before any parsing. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Total uncompressed size declared by a .docx archive. Real plans are well under 10 MB. */
export const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;
/** Compression ratio above which a large entry is taken for a bomb (Word XML is ~5–15:1). */
export const MAX_ENTRY_RATIO = 100;
/** An entry is "large" for the ratio check above this uncompressed size. */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
/** Number of entries in a .docx archive (a plan with images has a few dozen). */
export const MAX_ZIP_ENTRIES = 2000;
