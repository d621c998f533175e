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
mkdir -p "$OUT"
for page in "${PAGES[@]}"; do
  rm -f "$OUT/$page.docx" "$OUT/$page.pdf"
  # The clerk fits the tables to the page: cells marked nowrap would push a wide table off both edges of
  # the paper (and its text off the PDF). Nothing else of the page changes.
  mkdir -p "$PROFILE/pages"
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
