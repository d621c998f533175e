/** Bumped when the JSON shape changes. Its own module so the content script can use it without zod. */
export const SCHEMA_VERSION = 1;
