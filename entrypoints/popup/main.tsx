import { render } from 'preact';
import { z } from 'zod';
import './style.css';
import { App } from './App.tsx';
import { browserPort } from './port.ts';
import { loadLanguage, titlePage } from '@/entrypoints/shared/language.ts';

// The extension's pages may not evaluate strings (CSP): tell zod not to try (its probe, `Function('')`, would
// be refused and reported as a CSP violation), so it validates without generating code.
z.config({ jitless: true });

void loadLanguage().then(() => {
  titlePage('appName');
  render(<App port={browserPort(location.search)} />, document.getElementById('app')!);
});
