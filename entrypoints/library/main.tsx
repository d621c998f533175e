import { render } from 'preact';
import './style.css';
import { LibraryApp, type LibraryPort } from '@/components/library/LibraryApp.tsx';
import { LibraryStore } from '@/lib/library/store.ts';
import { downloadFile } from '../popup/download.ts';
import { loadLanguage, titlePage } from '@/entrypoints/shared/language.ts';

// library.html (an unlisted extension page, opened from the popup): the library in storage.local.

const store = new LibraryStore(browser.storage.local);
const port: LibraryPort = {
  all: () => store.all(),
  put: async (report, reviews) => void (await store.put(report, reviews)),
  delete: (keys) => store.delete(keys),
  clear: () => store.clear(),
  download: (fileName, text, mime) => downloadFile(fileName, text, mime),
  parseHtml: (html) => new DOMParser().parseFromString(html, 'text/html'),
  confirm: (question) => window.confirm(question),
};

void loadLanguage().then(() => {
  titlePage('libPageTitle');
  render(<LibraryApp port={port} />, document.getElementById('app')!);
});
