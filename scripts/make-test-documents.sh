#!/usr/bin/env bash
# Makes tests/documents/ from the project's own fixture pages the way a Word user would: open the page in
# Word (here LibreOffice Writer), save as .docx, then export that .docx as PDF. Run by hand when the
# fixtures change, not in CI; needs LibreOffice (apt-get install -y libreoffice-writer-nogui) and a CJK font
# (fonts-wqy-microhei, which it pulls in). The generated files are committed.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=tests/documents
PAGES=(clean-2021 planted-2021-mismatch seed-000-xinanjiang-2019 seed-001-xiachuan-2017-legacy)
# A private LibreOffice profile, so a running LibreOffice (or another run) does not block this one.
PROFILE=$(mktemp -d)
trap 'rm -rf "$PROFILE"' EXIT
soffice_() { soffice --headless "-env:UserInstallation=file://$PROFILE" "$@" >/dev/null 2>&1 || true; }
mkdir -p "$OUT" "$PROFILE/pages"
for page in "${PAGES[@]}"; do
  rm -f "$OUT/$page.docx" "$OUT/$page.pdf"
  # The clerk fits the tables to the page: cells marked nowrap would push a wide table off both edges of
  # the paper (and its text off the PDF). Nothing else of the page changes.
  sed 's/ nowrap="nowrap"//g; s/ nowrap\b//g' "tests/fixtures/$page.html" >"$PROFILE/pages/$page.html"
  # Import as a Writer document (not Writer/Web), so tables keep their merges as Word merges.
  soffice_ --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$OUT" "$PROFILE/pages/$page.html"
  soffice_ --convert-to pdf --outdir "$OUT" "$OUT/$page.docx"
  # soffice may print an error on exit and still have written the file: judge by the files.
  for f in "$OUT/$page.docx" "$OUT/$page.pdf"; do
    [[ -s $f ]] || { echo "make-test-documents: $f was not written" >&2; exit 1; }
  done
  echo "$page: $(stat -c %s "$OUT/$page.docx") B docx, $(stat -c %s "$OUT/$page.pdf") B pdf"
done

# Borderless variants: the same pages with their tables' borders taken off before conversion, as many
# agencies publish them. `-borderless`: no line at all (border="0", every cell's CSS border none).
# `-threeline`: the book style's three rules only (above the table, under its header rows, under its
# last row). Only the PDF is kept: tables are rebuilt from where the text stands. A .docx keeps its grid
# whatever its borders, so it would test nothing new.
restyle() { # restyle borderless|threeline < page.html > page-variant.html
  npx node --input-type=module -e "
    import { parseHTML } from 'linkedom';
    import { readFileSync } from 'node:fs';
    const style = process.argv[1];
    const { document } = parseHTML(readFileSync(0, 'utf8'));
    const noBorder = (el) => {
      el.setAttribute('style', (el.getAttribute('style') ?? '').replace(/border(-(top|bottom|left|right))?\\s*:[^;]*;?/gi, '') + ';border:none;');
    };
    for (const table of document.querySelectorAll('table[border]')) {
      if (table.getAttribute('border') === '0') continue;
      table.setAttribute('border', '0');
      noBorder(table);
      const rows = [...table.querySelectorAll('tr')];
      rows.forEach((tr) => tr.querySelectorAll('td, th').forEach(noBorder));
      if (style !== 'threeline') continue;
      const rule = 'border-bottom:1px solid #000000;';
      const add = (cell, css) => cell.setAttribute('style', cell.getAttribute('style') + css);
      // The header block: the first row and the rows its spanning labels reach down over.
      const headerEnd = Math.max(...[...rows[0].querySelectorAll('td, th')].map((c) => Number(c.getAttribute('rowspan') ?? 1)));
      rows.forEach((tr, r) =>
        tr.querySelectorAll('td, th').forEach((cell) => {
          const end = r + Number(cell.getAttribute('rowspan') ?? 1);
          if (r === 0) add(cell, 'border-top:1px solid #000000;');
          if (end === headerEnd || end === rows.length) add(cell, rule);
        }),
      );
    }
    process.stdout.write('<!doctype html>' + document.documentElement.outerHTML);
  " "$1"
}
VARIANTS=(clean-2021-borderless planted-2021-mismatch-borderless seed-000-xinanjiang-2019-borderless clean-2021-threeline)
for variant in "${VARIANTS[@]}"; do
  page=${variant%-*}
  style=${variant##*-}
  rm -f "$OUT/$variant.pdf"
  sed 's/ nowrap="nowrap"//g; s/ nowrap\b//g' "tests/fixtures/$page.html" | restyle "$style" >"$PROFILE/pages/$variant.html"
  soffice_ --infilter="HTML (StarWriter)" --convert-to 'docx:MS Word 2007 XML' --outdir "$PROFILE" "$PROFILE/pages/$variant.html"
  soffice_ --convert-to pdf --outdir "$OUT" "$PROFILE/$variant.docx"
  [[ -s $OUT/$variant.pdf ]] || { echo "make-test-documents: $OUT/$variant.pdf was not written" >&2; exit 1; }
  echo "$variant: $(stat -c %s "$OUT/$variant.pdf") B pdf"
done
