/** Bumped when the JSON shape changes. Its own module so the content script can use it without zod. */
// 2: reports carry `coverage` (what the checks covered and could not check).
export const SCHEMA_VERSION = 2;
