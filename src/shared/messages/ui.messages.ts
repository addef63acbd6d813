/** Web app strings. */
export const messages = {
  vi: {},
  en: {},
} as const;
