/** Bumped when the JSON shape changes. Its own module so the content script can use it without zod. */
// 2: reports carry `coverage` (what the checks covered and could not check).
// 3: findings may be about the whole report (`table: null`), name another report (`other`) or quote the
//    article (`text`, into the new `article.text`).
export const SCHEMA_VERSION = 3;
